using AiNative.Services.Data;
using AiNative.Services.Platform.Storage;
using AiNative.Services.Teams;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace AiNative.Services.PostgreSql;

/// <summary>
/// Lets <c>dotnet ef</c> build PostgreSQL's model without a server:
/// <c>dotnet ef migrations add &lt;Name&gt; --project AiNative.Services.PostgreSql --output-dir Migrations</c>.
/// </summary>
internal sealed class PostgresDesignFactory : IDesignTimeDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext(string[] args)
    {
        var storage = new StorageOptions { Provider = DatabaseProvider.PostgreSQL, ConnectionString = "Host=localhost;Database=design-time" };
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        options.UsePortalDatabase(storage);
        return new(options.Options, new TeamContext());
    }
}
