using System.Security.Cryptography;
using System.Text;

namespace AiNative.Testing;

/// <summary>
/// Which database the tests' portals and service hosts use: SQLite in their data folder, or, with
/// <c>PORTAL_TEST_DATABASE=PostgreSQL</c>, a database of their own on <see cref="PostgresCluster"/>.
/// test.sh runs the service and HTTP tests once with each.
/// </summary>
public static class TestDatabase
{
    public const string Variable = "PORTAL_TEST_DATABASE";

    public static bool IsPostgres =>
        string.Equals(Environment.GetEnvironmentVariable(Variable), "PostgreSQL", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// What every test host starts with besides its storage: no demo experiment, whose cells would run (and leave traces and
    /// scores in the demo team) behind the back of tests that count them. A test of the demo experiment turns it on.
    /// </summary>
    public static IReadOnlyDictionary<string, string?> Defaults { get; } = new Dictionary<string, string?>
    {
        ["Portal:Experiments:SeedDemoExperiment"] = "false",
    };

    /// <summary>The storage settings of a host whose data lives in <paramref name="dataFolder"/>; the same folder finds the same database.</summary>
    public static IReadOnlyDictionary<string, string?> Settings(string dataFolder)
    {
        if (!IsPostgres)
        {
            return new Dictionary<string, string?> { ["Portal:Storage:DataFolder"] = dataFolder };
        }

        var cluster = PostgresCluster.Instance;
        var database = DatabaseName(dataFolder);
        cluster.EnsureDatabase(database);
        return new Dictionary<string, string?>
        {
            ["Portal:Storage:DataFolder"] = dataFolder,
            ["Portal:Storage:Provider"] = "PostgreSQL",
            ["Portal:Storage:ConnectionString"] = cluster.ConnectionString(database),
        };
    }

    /// <summary>Drops the database of <paramref name="dataFolder"/> (SQLite's goes with the folder).</summary>
    public static void Delete(string dataFolder)
    {
        if (IsPostgres)
        {
            PostgresCluster.Instance.DropDatabase(DatabaseName(dataFolder));
        }
    }

    private static string DatabaseName(string dataFolder) =>
        "t_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(dataFolder))))[..24];
}
