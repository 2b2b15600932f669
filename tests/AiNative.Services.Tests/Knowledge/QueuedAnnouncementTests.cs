using AiNative.Services.Data;
using AiNative.Services.Knowledge;
using AiNative.Services.Knowledge.Ingestion;
using AiNative.Services.Platform.Jobs;
using AiNative.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AiNative.Services.Tests.Knowledge;

/// <summary>
/// "Queued" is announced before a worker can claim the ingestion job: announced after, a quick ingestion could end
/// first, and a page that heard "ready" and then "queued" would show the document queued for good.
/// </summary>
public sealed class QueuedAnnouncementTests
{
    private const string Base = "Announced";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_upload_and_a_replacement_are_announced_as_queued_before_their_jobs_can_be_claimed()
    {
        await using var host = await ServicesHost.StartAsync(services => services.Configure<JobOptions>(o => o.Workers = 0));
        var team = await host.DemoTeamIdAsync();
        await using var scope = host.InTeam(team);
        var knowledgeBase = await scope.CreateBaseAsync(Base);
        var dbs = host.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        int ClaimableJobs()
        {
            // Another connection, as a worker's claim would be: it sees only what is committed.
            using var db = dbs.CreateDbContext();
            return db.Jobs.IgnoreQueryFilters().Count(j => j.Kind == IngestDocumentJob.JobKind && j.Status == JobStatus.Queued);
        }

        var claimableWhenAnnounced = new List<int>();
        var announcedTeams = new List<Guid>();
        void OnChange(DocumentStatusChanged change)
        {
            if (change.KnowledgeBaseId == knowledgeBase.Id && change.Status == DocumentStatus.Queued)
            {
                claimableWhenAnnounced.Add(ClaimableJobs());
                announcedTeams.Add(change.TeamId);
            }
        }

        var events = host.Services.GetRequiredService<KnowledgeEvents>();
        events.DocumentChanged += OnChange;
        try
        {
            var before = ClaimableJobs();
            var uploaded = await scope.UploadAsync(Base, Ingestion.Text("wombats.md", "# Wombats\n\nWombats dig burrows."));

            // The test runs the ingestion itself (no workers): a document is replaced once it is ready.
            await scope.Get<IngestionOrchestrator>().RunAsync(uploaded.DocumentId!.Value, Cancel);
            var replaced = await scope.Get<DocumentUploads>().UploadAsync(
                Base, [Ingestion.Text("wombats.md", "# Wombats\n\nWombats dig long burrows.")], null, uploaded.DocumentId, Cancel);

            Assert.Equal(UploadStatus.Accepted, Assert.Single(replaced.Files).Status);
            Assert.Equal([before, before + 1], claimableWhenAnnounced);
            Assert.Equal([team, team], announcedTeams);
            Assert.Equal(before + 2, ClaimableJobs());
        }
        finally
        {
            events.DocumentChanged -= OnChange;
        }
    }
}
