using AiNative.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace AiNative.Services.Tests.Platform;

/// <summary>
/// Each migration carries the whole model as it stands after it. Two branches that each add a migration leave the
/// earlier one's model without the other's tables; on SQLite a later rebuild of a table then loses columns and indexes.
/// </summary>
public sealed class MigrationModelsTests
{
    [Fact]
    public async Task Every_migration_keeps_the_tables_and_columns_of_the_one_before_unless_it_drops_them()
    {
        await using var host = await ServicesHost.StartAsync();
        await using var scope = host.InTeam(await host.DemoTeamIdAsync());
        await using var db = await scope.DbAsync();
        var assembly = db.GetService<IMigrationsAssembly>();
        var provider = db.Database.ProviderName!;
        var migrations = assembly.Migrations.Select(m => (Id: m.Key, Migration: assembly.CreateMigration(m.Value, provider))).ToList();
        var lost = new List<string>();

        foreach (var (previous, next) in migrations.Zip(migrations.Skip(1)))
        {
            var dropped = next.Migration.UpOperations.SelectMany(Dropped).ToHashSet(StringComparer.Ordinal);
            var kept = Columns(next.Migration.TargetModel!);
            lost.AddRange(Columns(previous.Migration.TargetModel!)
                .Where(c => !kept.Contains(c) && !dropped.Contains(c) && !dropped.Contains(c.Split('.')[0]))
                .Select(c => $"{next.Id} lost {c}"));
        }

        Assert.Empty(lost);
    }

    private static HashSet<string> Columns(IModel model) => model.GetEntityTypes()
        .Where(e => e.GetTableName() is not null)
        .SelectMany(e => e.GetProperties().Select(p => $"{e.GetTableName()}.{p.GetColumnName()}"))
        .ToHashSet(StringComparer.Ordinal);

    private static IEnumerable<string> Dropped(MigrationOperation operation) => operation switch
    {
        DropTableOperation table => [table.Name],
        DropColumnOperation column => [$"{column.Table}.{column.Name}"],
        RenameColumnOperation column => [$"{column.Table}.{column.Name}"],
        RenameTableOperation table => [table.Name],
        _ => [],
    };
}
