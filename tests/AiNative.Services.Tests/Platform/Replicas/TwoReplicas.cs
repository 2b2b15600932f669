using AiNative.Services.Platform.Replicas;
using AiNative.Services.Platform.Storage;
using AiNative.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace AiNative.Services.Tests.Platform.Replicas;

/// <summary>
/// Two replicas of one portal in this test process: two service hosts on one PostgreSQL database of their
/// own (whatever <see cref="TestDatabase"/> chooses for other tests) and one data folder, whose blobs both read.
/// </summary>
internal sealed class TwoReplicas : IAsyncDisposable
{
    private readonly SharedTestDatabase _database;
    private readonly string _folder;

    private TwoReplicas(ServicesHost a, ServicesHost b, SharedTestDatabase database, string folder)
    {
        A = a;
        B = b;
        _database = database;
        _folder = folder;
    }

    public ServicesHost A { get; }

    public ServicesHost B { get; }

    /// <summary>Starts <see cref="A"/> (which migrates and seeds), then <see cref="B"/>.</summary>
    public static async Task<TwoReplicas> StartAsync(Action<IServiceCollection>? configureA = null, Action<IServiceCollection>? configureB = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "ainative-tests", Guid.NewGuid().ToString("N"));
        var database = new SharedTestDatabase(DatabaseProvider.PostgreSQL);
        var settings = new Dictionary<string, string?>(database.Settings) { ["Portal:Storage:DataFolder"] = folder };
        ServicesHost? a = null;
        try
        {
            a = await ServicesHost.StartAsync(configureA, $"{folder}-a", settings);
            var b = await ServicesHost.StartAsync(configureB, $"{folder}-b", settings);
            return new TwoReplicas(a, b, database, folder);
        }
        catch
        {
            if (a is not null)
            {
                await a.DisposeAsync();
            }

            Delete(database, folder);
            throw;
        }
    }

    /// <summary>Runs <paramref name="sql"/> on the replicas' database, outside both, and returns the first column of each row.</summary>
    public async Task<List<object?>> QueryAsync(string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString + ";Pooling=false");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        var values = new List<object?>();
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            values.Add(reader.IsDBNull(0) ? null : reader.GetValue(0));
        }

        return values;
    }

    /// <summary>The server processes of both replicas' listeners.</summary>
    public async Task<List<int>> ListenersAsync() =>
        [.. (await QueryAsync(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1", ReplicaListener.ApplicationName))
            .Cast<int>()];

    /// <summary>Ends both listeners' connections from the server's side, as a restart or a network fault would.</summary>
    public Task TerminateListenersAsync() =>
        QueryAsync(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1",
            ReplicaListener.ApplicationName);

    public async ValueTask DisposeAsync()
    {
        await B.DisposeAsync();
        await A.DisposeAsync();
        Delete(_database, _folder);
    }

    private static void Delete(SharedTestDatabase database, string folder)
    {
        database.Dispose();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
