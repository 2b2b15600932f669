namespace AiNative.Services.Knowledge;

/// <summary>Limits and tuning of knowledge ingestion and search; bound from <c>Portal:Knowledge</c>.</summary>
public sealed class KnowledgeOptions
{
    public const string Section = "Portal:Knowledge";

    /// <summary>The largest file accepted, in bytes.</summary>
    public long MaxUploadBytes { get; set; } = 20 * 1024 * 1024;

    public int MaxFilesPerUpload { get; set; } = 20;

    /// <summary>
    /// How many times <see cref="MaxUploadBytes"/> a compressed document (.docx, or a PDF's streams) may unpack to; a
    /// small file that unpacks to more is refused rather than read into memory (a zip bomb).
    /// </summary>
    public int MaxExpansionRatio { get; set; } = 10;

    /// <summary>The most bytes a compressed document may unpack to.</summary>
    public long MaxExpandedBytes => MaxUploadBytes * MaxExpansionRatio;

    /// <summary>
    /// How long reading one PDF's text may take; a document that takes longer fails in words. The
    /// decompressed size of its streams is bounded by <see cref="MaxExpandedBytes"/>, as a Word document's is.
    /// </summary>
    public TimeSpan MaxExtractionTime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Texts per embedding call.</summary>
    public int EmbeddingBatchSize { get; set; } = 32;

    /// <summary>
    /// The most chunks of a document embedded by the built-in offline model that ingestion holds in memory and writes
    /// once, with their vectors (about 5 MB of text and 16 MB held at 4,096): a kill costs only local work to redo.
    /// A larger document's chunks are written as they go, as with a remote embedder, whose calls are not redone.
    /// </summary>
    public int MaxHeldLocallyEmbeddedChunks { get; set; } = 4096;

    /// <summary>Embedding calls in flight at once for one document.</summary>
    public int EmbeddingConcurrency { get; set; } = 2;

    /// <summary>Retries of an embedding call that failed with a transient provider error (rate limit, 5xx, timeout).</summary>
    public int EmbeddingRetries { get; set; } = 4;

    /// <summary>The first retry's wait; it doubles with each retry, with jitter.</summary>
    public TimeSpan EmbeddingRetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The least relevance a source needs to be used in an answer.</summary>
    public double AnswerMinRelevance { get; set; } = Search.Relevance.Threshold;

    public int AnswerSources { get; set; } = 5;
}
