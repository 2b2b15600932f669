using AiNative.Services.Knowledge;
using AiNative.Services.Platform.Jobs;
using AiNative.Services.Tests.Knowledge;
using AiNative.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AiNative.Services.Tests.Platform.Replicas;

/// <summary>Work queued on one replica wakes the idle workers of another, always on PostgreSQL.</summary>
public sealed class ReplicaJobTests
{
    [Fact]
    public async Task Work_queued_on_a_replica_without_workers_is_started_by_the_idle_workers_of_another_long_before_their_next_poll()
    {
        await using var replicas = await TwoReplicas.StartAsync(
            configureA: services => services.Configure<JobOptions>(o => o.Workers = 0),
            configureB: services => services.Configure<JobOptions>(o => o.PollInterval = TimeSpan.FromMinutes(10)));
        var team = await replicas.A.DemoTeamIdAsync();

        // B's workers ingest the seeded handbook, then wait for a wake or their next poll in ten minutes.
        await replicas.A.Services.WaitUntilReadyAsync(team, KnowledgeArrangements.Handbook);
        await using var a = replicas.A.InTeam(team);
        await a.CreateBaseAsync("Zoo");

        var document = await a.IngestAsync("Zoo", Ingestion.Text("wombats.md", "# Wombats\n\nWombats dig burrows."));

        Assert.Equal(DocumentStatus.Ready, document.Status);
    }
}
