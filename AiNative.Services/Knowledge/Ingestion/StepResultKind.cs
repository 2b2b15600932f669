namespace AiNative.Services.Knowledge.Ingestion;

public enum StepResultKind
{
    Success = 1,
    TransientError = 2,
    FatalError = 3,
    Restart = 4,

    /// <summary>The document was deleted while it was ingested: the run stops and leaves nothing behind.</summary>
    DocumentDeleted = 5,
}
