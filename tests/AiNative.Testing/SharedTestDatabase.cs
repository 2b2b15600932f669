using AiNative.Services.Platform.Storage;
using Microsoft.Data.Sqlite;

namespace AiNative.Testing;

/// <summary>
/// A database of its own that one host or several at once (replicas) use: an SQLite file in a folder
/// of its own, or a database on <see cref="PostgresCluster"/>. Without a provider it is the one
/// <see cref="TestDatabase"/> chooses for the run; tests of one provider's own behaviour (its SQL,
/// several replicas) name it. Give every host its <see cref="Settings"/>; dispose it after the hosts.
/// </summary>
public sealed class SharedTestDatabase : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ainative-tests", Guid.NewGuid().ToString("N"));
    private readonly string _name = "shared_" + Guid.NewGuid().ToString("N")[..24];

    public SharedTestDatabase(DatabaseProvider? provider = null)
    {
        Provider = provider ?? (TestDatabase.IsPostgres ? DatabaseProvider.PostgreSQL : DatabaseProvider.Sqlite);
        if (Provider == DatabaseProvider.PostgreSQL)
        {
            PostgresCluster.Instance.EnsureDatabase(_name);
        }
        else
        {
            Directory.CreateDirectory(_folder);
        }
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString => Provider == DatabaseProvider.PostgreSQL
        ? PostgresCluster.Instance.ConnectionString(_name)
        : $"Data Source={Path.Combine(_folder, "portal.db")};Foreign Keys=True;Pooling=True";

    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Portal:Storage:Provider"] = Provider.ToString(),
        ["Portal:Storage:ConnectionString"] = ConnectionString,
    };

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Provider == DatabaseProvider.PostgreSQL)
        {
            PostgresCluster.Instance.DropDatabase(_name);
        }
        else if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
