namespace AiNative.Services.Platform.Storage;

/// <summary>
/// Where the portal keeps its data. Bound from <c>Portal:Storage</c>; override with environment
/// variables such as <c>Portal__Storage__DataFolder=/var/lib/ainative</c>.
/// </summary>
public sealed class StorageOptions
{
    public const string Section = "Portal:Storage";

    /// <summary>The database: SQLite in the data folder (one process), or PostgreSQL (one or several replicas).</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Folder for blobs (and the SQLite database); relative paths are under the content root. Replicas share one.</summary>
    public string DataFolder { get; set; } = "data";

    /// <summary>
    /// A full connection string. On SQLite, when empty, <c>portal.db</c> in the data folder is used;
    /// PostgreSQL needs one (<c>Host=...;Database=...;Username=...;Password=...</c>).
    /// </summary>
    public string? ConnectionString { get; set; }

    public string DatabasePath => Path.Combine(DataFolder, "portal.db");

    public string BlobFolder => Path.Combine(DataFolder, "blobs");

    public string ResolveConnectionString() =>
        string.IsNullOrWhiteSpace(ConnectionString) ? $"Data Source={DatabasePath};Foreign Keys=True;Pooling=True" : ConnectionString;
}
