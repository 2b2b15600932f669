using Microsoft.Data.Sqlite;

namespace AiNative.Testing;

/// <summary>
/// One database that several hosts use at once, as replicas do: an SQLite file of its own, or, with
/// <c>PORTAL_TEST_DATABASE=PostgreSQL</c>, a database on <see cref="PostgresCluster"/>. Give every host its
/// <see cref="Settings"/>; dispose it after the hosts.
/// </summary>
public sealed class SharedTestDatabase : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ainative-tests", Guid.NewGuid().ToString("N"));
    private readonly string _name = "shared_" + Guid.NewGuid().ToString("N")[..24];

    public SharedTestDatabase()
    {
        if (TestDatabase.IsPostgres)
        {
            PostgresCluster.Instance.EnsureDatabase(_name);
        }
        else
        {
            Directory.CreateDirectory(_folder);
        }
    }

    public IReadOnlyDictionary<string, string?> Settings => TestDatabase.IsPostgres
        ? new Dictionary<string, string?>
        {
            ["Portal:Storage:Provider"] = "PostgreSQL",
            ["Portal:Storage:ConnectionString"] = PostgresCluster.Instance.ConnectionString(_name),
        }
        : new Dictionary<string, string?>
        {
            ["Portal:Storage:Provider"] = "Sqlite",
            ["Portal:Storage:ConnectionString"] = $"Data Source={Path.Combine(_folder, "portal.db")};Foreign Keys=True;Pooling=True",
        };

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (TestDatabase.IsPostgres)
        {
            PostgresCluster.Instance.DropDatabase(_name);
        }
        else if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
