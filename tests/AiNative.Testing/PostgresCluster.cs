using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace AiNative.Testing;

/// <summary>
/// A throw-away PostgreSQL server from Debian's packages (<c>apt-get install -y postgresql</c>), started
/// once per test process in a temporary folder on a free port and stopped when the process exits.
/// PostgreSQL refuses to run as root, so as root the cluster runs as the <c>postgres</c> user.
/// </summary>
public sealed class PostgresCluster
{
    private static readonly Lazy<PostgresCluster> Shared = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string _folder;
    private readonly string _binaries;

    private PostgresCluster(string folder, string binaries, int port)
    {
        _folder = folder;
        _binaries = binaries;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The connection string of the server's maintenance database, to create and drop test databases.</summary>
    public string ServerConnectionString => $"Host=127.0.0.1;Port={Port};Username=portal;Database=postgres;Pooling=false";

    public static PostgresCluster Instance => Shared.Value;

    public string ConnectionString(string database) => $"Host=127.0.0.1;Port={Port};Username=portal;Database={database};Maximum Pool Size=20";

    /// <summary>Creates <paramref name="database"/> unless it exists (a restarted host finds its data again).</summary>
    public void EnsureDatabase(string database)
    {
        using var connection = new NpgsqlConnection(ServerConnectionString);
        connection.Open();
        using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection) { Parameters = { new() { Value = database } } };
        if (exists.ExecuteScalar() is null)
        {
            using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
            create.ExecuteNonQuery();
        }
    }

    public void DropDatabase(string database)
    {
        NpgsqlConnection.ClearPool(new NpgsqlConnection(ConnectionString(database)));
        using var connection = new NpgsqlConnection(ServerConnectionString);
        connection.Open();
        using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
        drop.ExecuteNonQuery();
    }

    private static PostgresCluster Start()
    {
        var binaries = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin")).Where(b => File.Exists(Path.Combine(b, "initdb"))).OrderDescending().FirstOrDefault()
            : null;
        if (binaries is null)
        {
            throw new InvalidOperationException("PostgreSQL tests need Debian's PostgreSQL server: apt-get install -y postgresql (test.sh installs it).");
        }

        var folder = Directory.CreateTempSubdirectory("ainative-pg-").FullName;
        var port = FreePort();
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            Run("chown", "postgres", folder);
        }

        RunAs(asRoot, Path.Combine(binaries, "initdb"), "-D", Path.Combine(folder, "data"), "-A", "trust", "-U", "portal", "--no-sync", "-E", "UTF8");
        // Durability is not what these tests measure: fsync off keeps database creation fast on a busy machine.
        RunAs(asRoot, Path.Combine(binaries, "pg_ctl"), "-D", Path.Combine(folder, "data"), "-l", Path.Combine(folder, "log"), "-w", "-t", "120",
            "-o", $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300",
            "start");
        var cluster = new PostgresCluster(folder, binaries, port);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.Stop(asRoot);
        return cluster;
    }

    private void Stop(bool asRoot)
    {
        try
        {
            RunAs(asRoot, Path.Combine(_binaries, "pg_ctl"), "-D", Path.Combine(_folder, "data"), "-m", "immediate", "stop");
            Directory.Delete(_folder, recursive: true);
        }
        catch (Exception exception) when (exception is InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            // The process is ending; a cluster left behind is only a temporary folder.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void RunAs(bool asRoot, string program, params string[] arguments)
    {
        if (asRoot)
        {
            Run("runuser", ["-u", "postgres", "--", program, .. arguments]);
        }
        else
        {
            Run(program, arguments);
        }
    }

    private static void Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        arguments.ToList().ForEach(start.ArgumentList.Add);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {error.Result} {output.Result}");
        }
    }
}
