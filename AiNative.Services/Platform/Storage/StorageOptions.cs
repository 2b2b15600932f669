namespace AiNative.Services.Platform.Storage;

/// <summary>
/// Where the portal keeps its data. Bound from <c>Portal:Storage</c>; override with environment
/// variables such as <c>Portal__Storage__DataFolder=/var/lib/ainative</c>.
/// </summary>
public sealed class StorageOptions
{
    public const string Section = "Portal:Storage";

    /// <summary>Folder for the database and blobs; relative paths are under the content root.</summary>
    public string DataFolder { get; set; } = "data";

    /// <summary>A full SQLite connection string; when empty, <c>portal.db</c> in the data folder is used.</summary>
    public string? ConnectionString { get; set; }

    public string DatabasePath => Path.Combine(DataFolder, "portal.db");

    public string BlobFolder => Path.Combine(DataFolder, "blobs");

    public string ResolveConnectionString() =>
        string.IsNullOrWhiteSpace(ConnectionString) ? $"Data Source={DatabasePath};Foreign Keys=True;Pooling=True" : ConnectionString;
}
