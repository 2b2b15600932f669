using AiNative.Services.Data;
using AiNative.Services.Execution;
using AiNative.Services.Models;
using AiNative.Services.Teams;
using AiNative.Services.Traces;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace AiNative.Services.Tests.Platform;

/// <summary>A database written by an older portal opens in this one, with its data as it was.</summary>
public sealed class MigrationUpgradeTests : IDisposable
{
    private static readonly Guid OldTeamId = Guid.CreateVersion7();
    private static readonly Guid RunId = Guid.CreateVersion7();
    private static readonly Guid RunCallId = Guid.CreateVersion7();
    private static readonly Guid AnswerCallId = Guid.CreateVersion7();
    private static readonly Guid BaseId = Guid.CreateVersion7();
    private const string UserTemplate = "Question: {{$question}}";

    private static readonly DateTimeOffset Started = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    private readonly string _oldDatabase = Path.Combine(Path.GetTempPath(), "ainative-tests", $"{Guid.NewGuid():N}.db");

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_oldDatabase);
    }

    [Fact]
    public async Task Runs_spans_and_model_calls_saved_before_traces_existed_become_traces_with_nothing_lost()
    {
        var team = new TeamContext();
        await using (var old = OpenOld(team))
        {
            var migrations = old.Database.GetMigrations().ToList();
            await old.GetService<IMigrator>().MigrateAsync(migrations.Single(m => m.EndsWith("_Retrieval", StringComparison.Ordinal)), Cancel);
            await InsertOldDataAsync(old);
            await old.Database.MigrateAsync(Cancel);
            Assert.Empty(await old.Database.GetPendingMigrationsAsync(Cancel));
        }

        team.Enter(TeamAccess.ForSystem(OldTeamId, "Old team"));
        await using var upgraded = OpenOld(team);
        var trace = await upgraded.Traces.SingleAsync(t => t.Id == RunId, Cancel);
        var observations = await upgraded.Observations.Where(o => o.TraceId == RunId).OrderBy(o => o.StartedAt).ToListAsync(Cancel);
        var run = new RunRecord(trace, observations);

        Assert.Equal((TraceSource.Playground, TraceStatus.Succeeded, "Support answer", 2), (trace.Source, trace.Status, trace.PromptName, trace.PromptVersion));
        Assert.Equal("An answer from before the upgrade.", trace.Output);
        Assert.Equal((10L, 6L, 0.25m, 12.5), (trace.InputTokens, trace.OutputTokens, trace.Cost, trace.LatencyMs));
        Assert.Equal(Started, trace.StartedAt);
        Assert.Equal(Started.AddMilliseconds(12.5), trace.EndedAt);
        Assert.Equal(("You answer.", UserTemplate), (run.Input.SystemTemplate, run.Input.UserTemplate));
        Assert.Equal(0.3f, run.Input.Settings.Temperature);
        Assert.Equal(ResponseFormat.Json, run.Input.Settings.ResponseFormat);
        Assert.Equal("Where are labels?", run.Input.Variables.Single(v => v.Name == "question").Value);
        Assert.Equal((BaseId, "Handbook", 3), (run.Input.Retrieval!.KnowledgeBaseId, run.Input.Retrieval.KnowledgeBaseName, run.Input.Retrieval.TopK));
        Assert.Equal(["system", "user"], run.Messages.Select(m => m.Role));

        Assert.Equal([ObservationType.Retrieval, ObservationType.Render, ObservationType.Generation], observations.Select(o => o.Type));
        var retrieval = observations[0];
        Assert.Equal(("handbook.md", 0.8), (retrieval.Hits.Single().DocumentName, retrieval.Hits.Single().Relevance));
        Assert.Equal(Started.AddMilliseconds(1), retrieval.StartedAt);
        var generation = observations[2];
        Assert.Equal(("offline-chat", 6L, 0.25m, "stop"), (generation.Name, generation.OutputTokens, generation.Cost, generation.FinishReason));
        Assert.Equal("RateLimited (429)", generation.Error);

        // A call outside a run (a knowledge answer's) becomes a trace of its own with its one observation.
        var answer = await upgraded.Traces.SingleAsync(t => t.Id == AnswerCallId, Cancel);
        Assert.Equal((TraceSource.Knowledge, TraceStatus.Succeeded, 40L, 0.5m), (answer.Source, answer.Status, answer.InputTokens, answer.Cost));
        var call = await upgraded.Observations.SingleAsync(o => o.TraceId == AnswerCallId, Cancel);
        Assert.Equal((ObservationType.Generation, 40L), (call.Type, call.InputTokens));
        Assert.False(await upgraded.Traces.AnyAsync(t => t.Id == RunCallId, Cancel), "a run's call is its generation, not a trace of its own");
        Assert.Equal(TracePrivacy.Full, (await upgraded.Teams.SingleAsync(t => t.Id == OldTeamId, Cancel)).TracePrivacy);
    }

    /// <summary>A time as the portal stores it on SQLite (see <c>PortalDbContext.ConfigureConventions</c>).</summary>
    internal static long StoredTime(DateTimeOffset time) => (long)new DateTimeOffsetToBinaryConverter().ConvertToProvider(time)!;

    private PortalDbContext OpenOld(TeamContext team) =>
        new(new DbContextOptionsBuilder<PortalDbContext>().UseSqlite($"Data Source={_oldDatabase}").Options, team);

    /// <summary>Rows as the portal before traces wrote them, JSON columns in EF Core's shape (property names as declared).</summary>
    private static async Task InsertOldDataAsync(PortalDbContext db)
    {
        var started = StoredTime(Started);
        var settings = """{"MaxOutputTokens":null,"ResponseFormat":"Json","Temperature":0.3,"TopP":null}""";
        var variables = """[{"Name":"question","Value":"Where are labels?"}]""";
        var messages = """[{"Content":"You answer.","Role":"system"},{"Content":"Question: Where are labels?","Role":"user"}]""";
        var hits = $$"""[{"ChunkId":5,"DocumentId":"{{Guid.NewGuid()}}","DocumentName":"handbook.md","FusedScore":null,"Heading":null,"KeywordScore":1.5,"Number":1,"Page":null,"Relevance":0.8,"VectorScore":0.7}]""";
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO \"Teams\" (\"Id\", \"Name\", \"Slug\", \"CreatedAt\") VALUES ({OldTeamId}, 'Old team', 'old-team', {started})", Cancel);
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO "PromptRuns" ("Id", "TeamId", "PromptName", "PromptVersion", "SystemTemplate", "UserTemplate", "ModelId", "ModelName", "Output", "Status",
                "FinishReason", "InputTokens", "OutputTokens", "UsageEstimated", "Cost", "TimeToFirstTokenMs", "LatencyMs", "ModelCallId", "ActorName", "StartedAt",
                "Messages", "Settings", "Variables", "Retrieval_KnowledgeBaseId", "Retrieval_KnowledgeBaseName", "Retrieval_QueryVariable",
                "Retrieval_ContextVariable", "Retrieval_TopK", "Retrieval_MinRelevance", "Retrieval_Mode")
            VALUES ({RunId}, {OldTeamId}, 'Support answer', 2, 'You answer.', {UserTemplate}, {Guid.NewGuid()}, 'offline-chat',
                'An answer from before the upgrade.', 'Succeeded', 'stop', 10, 6, 0, 0.25, 3.5, 12.5, {RunCallId}, 'Ada', {started},
                {messages}, {settings}, {variables}, {BaseId}, 'Handbook', 'question', 'context', 3, 0.2, 'Hybrid')
            """, Cancel);
        await InsertSpanAsync(db, "retrieve", 1, hits);
        await InsertSpanAsync(db, "render", 2, "[]");
        await InsertSpanAsync(db, "model call", 3, "[]");
        await InsertCallAsync(db, RunCallId, "Playground", 10, 0.25, "RateLimited (429)");
        await InsertCallAsync(db, AnswerCallId, "Knowledge", 40, 0.5, null);
    }

    private static async Task InsertSpanAsync(PortalDbContext db, string name, double offsetMs, string hits) =>
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO "RunSpans" ("Id", "TeamId", "RunId", "Name", "Status", "StartOffsetMs", "DurationMs", "Attributes", "Hits")
            VALUES ({Guid.CreateVersion7()}, {OldTeamId}, {RunId}, {name}, 'Succeeded', {offsetMs}, 1, {"{}"}, {hits})
            """, Cancel);

    private static async Task InsertCallAsync(PortalDbContext db, Guid id, string source, long inputTokens, double cost, string? error) =>
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO "ModelCalls" ("Id", "TeamId", "ModelId", "ModelName", "Kind", "Source", "Status", "StartedAt", "LatencyMs", "InputTokens",
                "OutputTokens", "UsageEstimated", "Cost", "Error")
            VALUES ({id}, {OldTeamId}, {Guid.NewGuid()}, 'offline-chat', 'Chat', {source}, 'Succeeded', {StoredTime(Started)}, 20, {inputTokens}, 3, 0, {cost}, {error})
            """, Cancel);
}
