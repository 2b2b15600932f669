namespace AiNative.Services.Knowledge;

public enum DocumentStatus
{
    Queued = 1,

    /// <summary>In a pipeline step; <see cref="KnowledgeDocument.Step"/> says which.</summary>
    Processing = 2,

    Ready = 3,

    /// <summary>Stopped at <see cref="KnowledgeDocument.Step"/> with <see cref="KnowledgeDocument.Error"/>; it can be retried.</summary>
    Failed = 4,
}
