using AiNative.Services.Data;
using AiNative.Services.Platform.Seeding;
using AiNative.Services.Teams;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Datasets;

/// <summary>Gives the demo team the "Support questions" dataset (version 1) for the "Support answer" prompt.</summary>
internal sealed class DatasetsSeeder(TeamContext team, TimeProvider clock) : IPortalSeeder
{
    public string Name => "datasets.demo-dataset";

    // After the demo prompt (20), whose variables its items fill.
    public int Order => 60;

    public async Task SeedAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        if (!await DemoTeam.EnterAsync(db, team, cancellationToken)
            || await db.Datasets.AnyAsync(d => d.Name == DemoDataset.Name, cancellationToken))
        {
            return;
        }

        var now = clock.GetUtcNow();
        var items = DemoDataset.Items.Select(ItemRules.CheckOrThrow).ToList();
        var dataset = new Dataset
        {
            Name = DemoDataset.Name,
            Description = DemoDataset.Description,
            CurrentVersion = 1,
            ItemCount = items.Count,
            LastPosition = items.Count,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Datasets.Add(dataset);
        db.DatasetVersions.Add(new DatasetVersion
        {
            Dataset = dataset,
            Number = 1,
            Summary = DemoDataset.Summary,
            ItemCount = items.Count,
            CreatedAt = now,
            CreatedBy = Actor.System.Name,
        });
        db.DatasetItems.AddRange(items.Select((item, index) => new DatasetItem
        {
            DatasetId = dataset.Id,
            ItemId = Guid.CreateVersion7(),
            Position = index + 1,
            ValidFrom = 1,
            Input = item.Input,
            ExpectedOutput = item.ExpectedOutput,
            ExpectedSources = item.ExpectedSources,
            Metadata = item.Metadata,
            CreatedAt = now,
        }));
        await db.SaveChangesAsync(cancellationToken);
    }
}
