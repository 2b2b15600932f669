using System.Text;
using AiNative.Services.Knowledge;
using AiNative.Testing;

namespace AiNative.Services.Tests.Knowledge;

/// <summary>Arranging and awaiting ingestion in tests.</summary>
internal static class Ingestion
{
    public static UploadFile Text(string fileName, string content) => new(fileName, new MemoryStream(Encoding.UTF8.GetBytes(content)));

    public static UploadFile Bytes(string fileName, byte[] content) => new(fileName, new MemoryStream(content));

    public static async Task<KnowledgeBaseSummary> CreateBaseAsync(this TeamScope scope, string name, PartitioningSettings? partitioning = null, Guid? embeddingModelId = null) =>
        await scope.Get<KnowledgeBases>().CreateAsync(new KnowledgeBaseInput(name, null, embeddingModelId, partitioning), TestContext.Current.CancellationToken);

    /// <summary>Uploads one file and returns its outcome.</summary>
    public static async Task<UploadOutcome> UploadAsync(this TeamScope scope, string index, UploadFile file, Dictionary<string, List<string>>? tags = null)
    {
        var result = await scope.Get<DocumentUploads>().UploadAsync(index, [file], tags, null, TestContext.Current.CancellationToken);
        return Assert.Single(result.Files);
    }

    /// <summary>Uploads one file and waits until it is ready (or failed).</summary>
    public static async Task<DocumentSummary> IngestAsync(this TeamScope scope, string index, UploadFile file, Dictionary<string, List<string>>? tags = null)
    {
        var outcome = await scope.UploadAsync(index, file, tags);
        Assert.True(outcome.Status == UploadStatus.Accepted, outcome.Message);
        return await scope.SettledAsync(index, outcome.DocumentId!.Value);
    }

    /// <summary>The document once it is ready or failed.</summary>
    public static async Task<DocumentSummary> SettledAsync(this TeamScope scope, string index, Guid documentId)
    {
        var documents = scope.Get<KnowledgeDocuments>();
        var document = await Poll.UntilAsync(
            () => documents.GetAsync(index, documentId, TestContext.Current.CancellationToken),
            d => d.Status is DocumentStatus.Ready or DocumentStatus.Failed);
        return document.Status is DocumentStatus.Ready or DocumentStatus.Failed ? document
            : throw new TimeoutException($"{document.FileName} is still {document.Status} at step {document.Step}.");
    }

    /// <summary>Waits until every document of the base has settled.</summary>
    public static async Task<IReadOnlyList<DocumentSummary>> AllSettledAsync(this TeamScope scope, string index)
    {
        var documents = await scope.Get<KnowledgeDocuments>().ListAsync(index, TestContext.Current.CancellationToken);
        var settled = new List<DocumentSummary>();
        foreach (var document in documents)
        {
            settled.Add(await scope.SettledAsync(index, document.Id));
        }

        return settled;
    }
}
