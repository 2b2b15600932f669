using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using AiNative.Services.Traces;
using AiNative.Services.Traces.Recording;
using AiNative.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Tests.Traces;

/// <summary>The background writer: nothing acknowledged is lost, a full queue slows callers down, a locked database is waited out.</summary>
public sealed class TraceWriterTests
{
    private const int Producers = 8;
    private const int TracesPerProducer = 40;
    private const int ObservationsPerTrace = 5;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Concurrent_traces_are_all_saved_and_a_stop_in_the_middle_loses_nothing_it_acknowledged()
    {
        // No job workers: the demo handbook's ingestion would record traces of its own meanwhile.
        var host = await ServicesHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Portal:Traces:BatchSize"] = "64",
            ["Portal:Jobs:Workers"] = "0",
        });
        var folder = host.DataFolder;
        var teamId = await host.DemoTeamIdAsync();
        var writer = host.Services.GetRequiredService<TraceWriter>();
        var halfway = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var stopping = 0;
        var ended = 0;
        var endedBeforeStop = 0;

        var producers = Enumerable.Range(0, Producers).Select(p => Task.Run(async () =>
        {
            await using var scope = host.InTeam(teamId);
            var recorder = scope.Get<TraceRecorder>();
            for (var t = 0; t < TracesPerProducer; t++)
            {
                var trace = await recorder.StartAsync(TraceSource.Api, $"load {p}-{t}", Cancel);
                await trace.AnnounceAsync();
                for (var o = 0; o < ObservationsPerTrace; o++)
                {
                    await trace.Start(ObservationType.Generation, "call").EndAsync(TraceStatus.Succeeded);

                    // Queued (acknowledged) before the stop began: it must be saved.
                    if (Volatile.Read(ref stopping) == 0)
                    {
                        Interlocked.Increment(ref endedBeforeStop);
                    }

                    if (Interlocked.Increment(ref ended) == Total / 2)
                    {
                        halfway.TrySetResult();
                    }
                }

                await trace.EndAsync(TraceStatus.Succeeded);
            }
        }, Cancel)).ToList();

        await halfway.Task.WaitAsync(TimeSpan.FromMinutes(2), Cancel);
        Volatile.Write(ref stopping, 1);
        var stop = host.StopAsync();
        await Task.WhenAll(producers);
        await stop;
        var status = writer.Status;

        await using var restarted = await ServicesHost.StartAsync(dataFolder: folder, settings: new Dictionary<string, string?> { ["Portal:Jobs:Workers"] = "0" });
        await using var reader = restarted.InTeam(teamId);
        await using var db = await reader.DbAsync();
        var saved = await db.Observations.CountAsync(o => o.Name == "call", Cancel);

        // Each trace queued 2 states (running, ended) and its observations: every record was saved or counted as dropped.
        Assert.True(Producers * TracesPerProducer * (ObservationsPerTrace + 2) == status.Written + status.Dropped, $"{status}");
        Assert.Equal((0, 0L), (status.Queued, status.Refused));
        Assert.True(saved >= endedBeforeStop, $"{saved} observations saved, {endedBeforeStop} were acknowledged before the stop");
        Assert.True(saved <= Total);
    }

    [Fact]
    public async Task A_locked_database_is_waited_out_and_what_was_queued_is_saved_once_it_is_free()
    {
        await using var host = await LockableHostAsync(queueCapacity: 1000, dropWhenFull: false);
        await using var scope = host.InTeam(await host.DemoTeamIdAsync());
        var writer = scope.Get<TraceWriter>();
        var trace = await scope.Get<TraceRecorder>().StartAsync(TraceSource.Api, "while locked", Cancel);

        await using (var holder = await LockAsync(host))
        {
            await trace.Start(ObservationType.Generation, "call").EndAsync(TraceStatus.Succeeded);
            await trace.EndAsync(TraceStatus.Succeeded);
            await Poll.TrueAsync("the writer finds the database unavailable", () => Task.FromResult(writer.Status.DatabaseUnavailable));
            Assert.False(await writer.CatchUpAsync(TimeSpan.FromMilliseconds(200), Cancel), "nothing can be saved while the database is locked");
        }

        var saved = await scope.TraceAsync(trace.Id);
        Assert.Equal((TraceStatus.Succeeded, "while locked"), (saved.Status, saved.Name));
        Assert.Single(await scope.ObservationsOfAsync(trace.Id));
        Assert.False(writer.Status.DatabaseUnavailable);
    }

    [Fact]
    public async Task A_full_queue_makes_callers_wait_instead_of_dropping()
    {
        await using var host = await LockableHostAsync(queueCapacity: 4, dropWhenFull: false);
        await using var scope = host.InTeam(await host.DemoTeamIdAsync());
        var trace = await scope.Get<TraceRecorder>().StartAsync(TraceSource.Api, "back-pressure", Cancel);
        await trace.AnnounceAsync();
        Task producing;

        await using (await LockAsync(host))
        {
            producing = Task.Run(async () =>
            {
                for (var i = 0; i < 50; i++)
                {
                    await trace.Start(ObservationType.Span, $"step {i}").EndAsync(TraceStatus.Succeeded);
                }
            }, Cancel);
            await Poll.TrueAsync("the writer finds the database unavailable", () => Task.FromResult(scope.Get<TraceWriter>().Status.DatabaseUnavailable));
            Assert.False(producing.IsCompleted, "the producer waits for room while the writer cannot save");
        }

        await producing.WaitAsync(TimeSpan.FromMinutes(1), Cancel);
        Assert.Equal(50, (await scope.ObservationsOfAsync(trace.Id)).Count);
        Assert.Equal(0, scope.Get<TraceWriter>().Status.Dropped);
    }

    [Fact]
    public async Task With_dropping_configured_a_full_queue_drops_and_counts_what_it_could_not_hold()
    {
        await using var host = await LockableHostAsync(queueCapacity: 4, dropWhenFull: true);
        await using var scope = host.InTeam(await host.DemoTeamIdAsync());
        var writer = scope.Get<TraceWriter>();
        var trace = await scope.Get<TraceRecorder>().StartAsync(TraceSource.Api, "dropping", Cancel);
        await trace.AnnounceAsync();

        await using (await LockAsync(host))
        {
            // The writer learns the database is locked when it next has something to save.
            await trace.Start(ObservationType.Span, "step 0").EndAsync(TraceStatus.Succeeded);
            await Poll.TrueAsync("the writer finds the database unavailable", () => Task.FromResult(writer.Status.DatabaseUnavailable));
            for (var i = 1; i < 50; i++)
            {
                await trace.Start(ObservationType.Span, $"step {i}").EndAsync(TraceStatus.Succeeded);
            }
        }

        var saved = (await scope.ObservationsOfAsync(trace.Id)).Count;
        Assert.True(writer.Status.Dropped > 0);
        Assert.Equal(50, saved + writer.Status.Dropped);
    }

    [Fact]
    public async Task A_reader_catching_up_is_not_held_while_the_writer_gathers_a_batch()
    {
        // A gather far longer than the wait below: only the reader's barrier can end it in time.
        await using var host = await ServicesHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Portal:Traces:BatchDelay"] = "00:10:00",
            ["Portal:Jobs:Workers"] = "0",
        });
        var scope = host.InTeam(await host.DemoTeamIdAsync());
        var writer = scope.Get<TraceWriter>();
        var recorder = scope.Get<TraceRecorder>();
        var trace = await recorder.StartAsync(TraceSource.Api, "gathered", Cancel);
        await trace.EndAsync(TraceStatus.Succeeded);

        // Taken from the queue, not yet saved: the writer is gathering.
        await Poll.TrueAsync("the writer takes the trace", () => Task.FromResult(writer.Status.Queued == 0));
        Assert.True(await writer.CatchUpAsync(TimeSpan.FromMinutes(1), Cancel), "the barrier ends the gathering");
        Assert.Equal(TraceStatus.Succeeded, (await scope.TraceAsync(trace.Id)).Status);

        // A stop ends the gathering too, and saves what it gathered.
        var written = writer.Status.Written;
        await (await recorder.StartAsync(TraceSource.Api, "gathered at the stop", Cancel)).EndAsync(TraceStatus.Succeeded);
        await Poll.TrueAsync("the writer takes the second trace", () => Task.FromResult(writer.Status.Queued == 0));
        await scope.DisposeAsync();
        await host.StopAsync();
        Assert.Equal((written + 1, 0L), (writer.Status.Written, writer.Status.Dropped));
    }

    [Fact]
    public async Task A_stop_before_the_writers_loop_ever_ran_still_saves_what_was_queued()
    {
        await using var host = await ServicesHost.StartAsync(settings: new Dictionary<string, string?> { ["Portal:Jobs:Workers"] = "0" });
        await using var scope = host.InTeam(await host.DemoTeamIdAsync());
        var options = scope.Get<IOptions<TraceWriterOptions>>();
        var writer = new TraceWriter(options);
        using var service = new TraceWriterService(
            writer, scope.Get<IServiceScopeFactory>(), options, TimeProvider.System, NullLogger<TraceWriterService>.Instance);
        var teamId = await host.DemoTeamIdAsync();
        var traceId = Guid.CreateVersion7();

        // Started with a cancelled token, the loop (run on the thread pool since .NET 10) is cancelled before it runs,
        // as it can be when a busy pool has not run it yet at the stop.
        await service.StartAsync(new CancellationToken(canceled: true));
        for (var i = 0; i < 20; i++)
        {
            await writer.WriteAsync(new Observation { TeamId = teamId, TraceId = traceId, Name = $"early {i}", StartedAt = DateTimeOffset.UtcNow });
        }

        await service.StopAsync(CancellationToken.None);

        Assert.Equal((20L, 0L, 0), (writer.Status.Written, writer.Status.Dropped, writer.Status.Queued));
        Assert.Equal(20, (await scope.ObservationsOfAsync(traceId)).Count);
    }

    private const int Total = Producers * TracesPerProducer * ObservationsPerTrace;

    /// <summary>A host whose database gives up on a lock after a second, so the writer sees it as unavailable quickly.</summary>
    private static Task<ServicesHost> LockableHostAsync(int queueCapacity, bool dropWhenFull)
    {
        var folder = Path.Combine(Path.GetTempPath(), "ainative-tests", Guid.NewGuid().ToString("N"));
        return ServicesHost.StartAsync(dataFolder: folder, settings: new Dictionary<string, string?>
        {
            ["Portal:Storage:Provider"] = "Sqlite",
            ["Portal:Storage:ConnectionString"] = $"Data Source={Path.Combine(folder, "portal.db")};Foreign Keys=True;Default Timeout=1",
            ["Portal:Traces:QueueCapacity"] = queueCapacity.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Portal:Traces:DropWhenFull"] = dropWhenFull ? "true" : "false",
            ["Portal:Traces:MaxRetryDelay"] = "00:00:00.200",
            ["Portal:Jobs:Workers"] = "0",
        });
    }

    /// <summary>Another connection holding the database's write lock, as a long migration or backup would.</summary>
    private static async Task<SqliteConnection> LockAsync(ServicesHost host)
    {
        var connection = new SqliteConnection($"Data Source={Path.Combine(host.DataFolder, "portal.db")};Pooling=False");
        await connection.OpenAsync(Cancel);
        await using var command = connection.CreateCommand();
        command.CommandText = "BEGIN EXCLUSIVE;";
        await command.ExecuteNonQueryAsync(Cancel);
        return connection;
    }
}
