using AiNative.Services.Models.Offline;
using AiNative.Services.Platform.Errors;
using AiNative.Services.Teams;
using AiNative.Services.Traces;
using AiNative.Services.Traces.Ingestion;
using AiNative.Services.Traces.Queries;
using AiNative.Testing;

namespace AiNative.Services.Tests.Traces;

public sealed class TraceIngestionTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    private ServicesHost _host = null!;
    private TeamScope _scope = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _host = await ServicesHost.StartAsync();
        _scope = _host.InTeam(await _host.DemoTeamIdAsync(), TeamRole.Editor);
    }

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task A_batch_with_a_bad_item_keeps_the_rest_and_names_the_bad_one_by_index()
    {
        var traceId = Guid.CreateVersion7();
        var batch = new IngestionBatch(
            [
                new IngestedTrace { Id = traceId, Name = "checkout assistant", StartedAt = Start, EndedAt = Start.AddSeconds(2), Output = "Done.", Tags = ["prod"], UserId = "u-17" },
                new IngestedTrace { Name = "no start" },
            ],
            [
                new IngestedObservation
                {
                    TraceId = traceId, Type = ObservationType.Generation, Name = "answer", StartedAt = Start, EndedAt = Start.AddSeconds(1),
                    Model = OfflineModels.ChatModelId, InputTokens = 100, OutputTokens = 20, Cost = 0.01m,
                },
                new IngestedObservation { TraceId = Guid.NewGuid(), Name = "orphan", StartedAt = Start },
                new IngestedObservation { TraceId = traceId, Name = "negative", StartedAt = Start, InputTokens = -1 },
            ]);

        var result = await _scope.Get<TraceIngestion>().IngestAsync(batch, Cancel);

        Assert.Equal([traceId], result.Traces);
        Assert.Single(result.Observations);
        Assert.Equal(
            [("trace", 1, "startedAt"), ("observation", 1, "traceId"), ("observation", 2, "inputTokens")],
            result.Errors.Select(e => (e.Kind, e.Index, e.Field)));
        Assert.Contains("was not found", result.Errors[1].Message);
        var details = await _scope.Get<TraceQueries>().GetAsync(traceId, settled: false, Cancel);
        Assert.Equal((TraceSource.Api, TraceStatus.Succeeded, 2000.0, "u-17"), (details.Trace.Source, details.Trace.Status, details.Trace.LatencyMs, details.Trace.UserId));
        Assert.Equal((100L, 20L, 0.01m, OfflineModels.ChatModelId), (details.Trace.InputTokens, details.Trace.OutputTokens, details.Trace.Cost, details.Trace.ModelName));
        Assert.Equal(["prod"], details.Trace.Tags);
        Assert.Equal("answer", Assert.Single(details.Observations).Name);
    }

    [Fact]
    public async Task A_later_batch_adds_observations_to_a_trace_and_a_registered_model_prices_them()
    {
        var ingestion = _scope.Get<TraceIngestion>();
        var traceId = (await ingestion.IngestAsync(new IngestionBatch([new IngestedTrace { Name = "chat", StartedAt = Start }], []), Cancel)).Traces.Single();
        await using (var db = await _scope.DbAsync())
        {
            var model = db.Models.Single(m => m.Name == OfflineModels.ChatModelId);
            model.InputPricePerMillion = 10m;
            await db.SaveChangesAsync(Cancel);
        }

        var result = await ingestion.IngestAsync(
            new IngestionBatch([], [new IngestedObservation { TraceId = traceId, Type = ObservationType.Generation, Name = "call", StartedAt = Start, Model = OfflineModels.ChatModelId, InputTokens = 1000 }]),
            Cancel);

        Assert.Empty(result.Errors);
        Assert.Equal(0.01m, (await _scope.ObservationAsync(result.Observations.Single())).Cost);
    }

    [Fact]
    public async Task Another_teams_trace_id_cannot_be_written_into()
    {
        Guid theirs;
        await using (var other = _host.InTeam(await _host.CreateTeamAsync("Other"), TeamRole.Editor))
        {
            theirs = (await other.Get<TraceIngestion>().IngestAsync(new IngestionBatch([new IngestedTrace { Name = "secret", StartedAt = Start }], []), Cancel)).Traces.Single();
            await other.CatchUpAsync();
        }

        var result = await _scope.Get<TraceIngestion>().IngestAsync(
            new IngestionBatch(
                [new IngestedTrace { Id = theirs, Name = "hijack", StartedAt = Start }],
                [new IngestedObservation { TraceId = theirs, Name = "into theirs", StartedAt = Start }]),
            Cancel);

        Assert.Empty(result.Traces);
        Assert.Empty(result.Observations);
        Assert.Equal([("trace", "id"), ("observation", "traceId")], result.Errors.Select(e => (e.Kind, e.Field)));
    }

    [Fact]
    public async Task An_empty_or_oversized_batch_is_refused_whole()
    {
        var ingestion = _scope.Get<TraceIngestion>();
        var many = Enumerable.Range(0, TraceRules.MaxIngestionBatch + 1).Select(i => new IngestedTrace { Name = $"t{i}", StartedAt = Start }).ToList();

        var empty = await Assert.ThrowsAsync<ValidationFailedException>(() => ingestion.IngestAsync(new IngestionBatch([], []), Cancel));
        var huge = await Assert.ThrowsAsync<ValidationFailedException>(() => ingestion.IngestAsync(new IngestionBatch(many, []), Cancel));

        Assert.Contains("empty", empty.Message);
        Assert.Contains("at most 1,000", huge.Errors["Traces"].Single());
    }
}
