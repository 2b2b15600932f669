using System.Text.Json;
using AiNative.Services.Knowledge;
using AiNative.Services.Knowledge.Ingestion;
using AiNative.Services.Models;
using AiNative.Services.Platform.Jobs;
using AiNative.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AiNative.Services.Tests.Knowledge;

/// <summary>The end of a failed ingestion job, recorded while the document is retried; the workers are off and the test runs the jobs itself.</summary>
public sealed class FailedIngestionTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_document_retried_at_once_is_not_failed_again_by_the_job_that_failed_it()
    {
        await using var provider = await FakeOpenAiServer.StartAsync();
        await using var host = await StartWithoutWorkersAsync();
        await using var scope = host.InTeam(await host.DemoTeamIdAsync());
        var (documentId, firstJob, outcome) = await FailedOnceAsync(scope, provider);

        // The user retries before the worker has recorded the first job's failure.
        await scope.Get<KnowledgeDocuments>().RetryAsync("Flaky", documentId, Cancel);
        await RecordFailureAsync(scope, firstJob, outcome);
        var retried = await scope.Get<KnowledgeDocuments>().GetAsync("Flaky", documentId, Cancel);
        await scope.Get<IngestionOrchestrator>().RunAsync(documentId, Cancel);
        var ingested = await scope.Get<KnowledgeDocuments>().GetAsync("Flaky", documentId, Cancel);

        Assert.Equal(JobOutcomeKind.Fail, outcome.Kind);
        Assert.Equal(DocumentStatus.Queued, retried.Status);
        Assert.Null(retried.Error);
        Assert.Equal(DocumentStatus.Ready, ingested.Status);
    }

    [Fact]
    public async Task A_retry_that_ended_before_the_first_jobs_failure_was_recorded_stays_ready()
    {
        await using var provider = await FakeOpenAiServer.StartAsync();
        await using var host = await StartWithoutWorkersAsync();
        await using var scope = host.InTeam(await host.DemoTeamIdAsync());
        var (documentId, firstJob, outcome) = await FailedOnceAsync(scope, provider);

        // The retry's job runs and ends (a small document takes milliseconds) before the first job's failure is recorded.
        await scope.Get<KnowledgeDocuments>().RetryAsync("Flaky", documentId, Cancel);
        await scope.Get<IngestionOrchestrator>().RunAsync(documentId, Cancel);
        await using (var db = await scope.DbAsync())
        {
            await db.Jobs.Where(j => j.Kind == IngestDocumentJob.JobKind && j.Id != firstJob.Id)
                .ExecuteUpdateAsync(j => j.SetProperty(x => x.Status, JobStatus.Succeeded), Cancel);
        }

        await RecordFailureAsync(scope, firstJob, outcome);
        var document = await scope.Get<KnowledgeDocuments>().GetAsync("Flaky", documentId, Cancel);

        Assert.True(document.Status == DocumentStatus.Ready, $"The document is {document.Status}: {document.Error}");
        Assert.Null(document.Error);
    }

    [Fact]
    public async Task With_embedding_retries_turned_off_a_provider_error_fails_the_document_at_once_with_its_reason()
    {
        await using var provider = await FakeOpenAiServer.StartAsync();
        await using var host = await ServicesHost.StartAsync(
            services => services.Configure<JobOptions>(o => o.Workers = 0),
            settings: new Dictionary<string, string?> { ["Portal:Knowledge:EmbeddingRetries"] = "0" });
        await using var scope = host.InTeam(await host.DemoTeamIdAsync());
        var model = await scope.AddOpenAiCompatibleModelAsync(provider.BaseUrl, FakeOpenAiServer.EmbeddingModel, ModelKind.Embedding, embeddingDimensions: FakeOpenAiServer.EmbeddingDimensions);
        await scope.CreateBaseAsync("Once", embeddingModelId: model.Id);
        var documentId = (await scope.UploadAsync("Once", Ingestion.Text("faq.md", "# FAQ\n\nReturns are free."))).DocumentId!.Value;
        provider.FailNext(1, 503);

        var outcome = await scope.Get<IngestionOrchestrator>().RunAsync(documentId, Cancel);
        var document = await scope.Get<KnowledgeDocuments>().GetAsync("Once", documentId, Cancel);

        Assert.Equal(JobOutcomeKind.Fail, outcome.Kind);
        Assert.Equal(DocumentStatus.Failed, document.Status);
        Assert.StartsWith("Embedding failed: ", document.Error);
        Assert.Contains("HTTP 503", document.Error);
        Assert.Equal(1, provider.Requests.Count(r => r.Path == "/v1/embeddings"));
    }

    private static Task<ServicesHost> StartWithoutWorkersAsync() => ServicesHost.StartAsync(services =>
    {
        services.Configure<JobOptions>(o => o.Workers = 0);
        services.Configure<KnowledgeOptions>(o =>
        {
            o.EmbeddingRetries = 1;
            o.EmbeddingRetryBaseDelay = TimeSpan.FromMilliseconds(10);
        });
    });

    /// <summary>Uploads a document to a new base and runs its job once while the provider fails every attempt.</summary>
    private static async Task<(Guid DocumentId, ClaimedJob FirstJob, JobOutcome Outcome)> FailedOnceAsync(TeamScope scope, FakeOpenAiServer provider)
    {
        var model = await scope.AddOpenAiCompatibleModelAsync(provider.BaseUrl, FakeOpenAiServer.EmbeddingModel, ModelKind.Embedding, embeddingDimensions: FakeOpenAiServer.EmbeddingDimensions);
        await scope.CreateBaseAsync("Flaky", embeddingModelId: model.Id);
        var documentId = (await scope.UploadAsync("Flaky", Ingestion.Text("faq.md", "# FAQ\n\nReturns are free."))).DocumentId!.Value;
        var firstJob = await JobOfAsync(scope, documentId);
        provider.FailNext(2, 503);
        return (documentId, firstJob, await scope.Get<IngestionOrchestrator>().RunAsync(documentId, Cancel));
    }

    /// <summary>What the job worker does when a job ends in failure.</summary>
    private static Task RecordFailureAsync(TeamScope scope, ClaimedJob job, JobOutcome outcome) =>
        scope.Get<IEnumerable<IJobHandler>>().Single(h => h.Kind == IngestDocumentJob.JobKind)
            .OnFailedAsync(new JobRun(job, (_, _, _) => Task.CompletedTask), outcome.Reason!, Cancel);

    private static async Task<ClaimedJob> JobOfAsync(TeamScope scope, Guid documentId)
    {
        await using var db = await scope.DbAsync();
        var payload = JsonSerializer.Serialize(new IngestDocumentPayload(documentId));
        var job = await db.Jobs.AsNoTracking().SingleAsync(j => j.Kind == IngestDocumentJob.JobKind && j.Payload == payload, Cancel);
        return new ClaimedJob(job.Id, job.TeamId, "Demo team", job.Kind, job.Payload, 1, DateTimeOffset.MaxValue);
    }
}
