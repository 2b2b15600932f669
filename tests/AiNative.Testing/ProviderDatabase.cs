using AiNative.Services.Platform.Storage;

namespace AiNative.Testing;

/// <summary>
/// A database on the provider a test names, whatever <see cref="TestDatabase"/> chooses for the other
/// tests: tests of one provider's own SQL (the keyword index, job claims) run on it in every test run.
/// Pass <see cref="Settings"/> to <see cref="ServicesHost.StartAsync"/>, and dispose this after the host.
/// </summary>
public sealed class ProviderDatabase : IDisposable
{
    private readonly string? _postgresDatabase;

    private ProviderDatabase(DatabaseProvider provider, string connectionString, string? postgresDatabase)
    {
        _postgresDatabase = postgresDatabase;
        // An empty connection string puts SQLite in the host's data folder.
        Settings = new Dictionary<string, string?>
        {
            ["Portal:Storage:Provider"] = provider.ToString(),
            ["Portal:Storage:ConnectionString"] = connectionString,
        };
    }

    public IReadOnlyDictionary<string, string?> Settings { get; }

    /// <summary>SQLite in the host's data folder, or a PostgreSQL database of its own on <see cref="PostgresCluster"/>.</summary>
    public static ProviderDatabase For(DatabaseProvider provider)
    {
        if (provider != DatabaseProvider.PostgreSQL)
        {
            return new(provider, string.Empty, null);
        }

        var database = "p_" + Guid.NewGuid().ToString("N");
        PostgresCluster.Instance.EnsureDatabase(database);
        return new(provider, PostgresCluster.Instance.ConnectionString(database), database);
    }

    public void Dispose()
    {
        if (_postgresDatabase is not null)
        {
            PostgresCluster.Instance.DropDatabase(_postgresDatabase);
        }
    }
}
