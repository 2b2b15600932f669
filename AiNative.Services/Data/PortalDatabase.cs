using AiNative.Services.Platform.Storage;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Data;

/// <summary>The one place that turns <see cref="StorageOptions"/> into a database provider for <see cref="PortalDbContext"/>.</summary>
public static class PortalDatabase
{
    /// <summary>PostgreSQL's migrations live in their own assembly, so each provider has a migration set made for it.</summary>
    public const string PostgresMigrationsAssembly = "AiNative.Services.PostgreSql";

    public static DbContextOptionsBuilder UsePortalDatabase(this DbContextOptionsBuilder options, StorageOptions storage) => storage.Provider switch
    {
        DatabaseProvider.PostgreSQL => options.UseNpgsql(storage.ConnectionString, npgsql => npgsql.MigrationsAssembly(PostgresMigrationsAssembly)),
        _ => options.UseSqlite(storage.ResolveConnectionString()).AddInterceptors(SqliteConnectionPragmas.Instance),
    };
}
