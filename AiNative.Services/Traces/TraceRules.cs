namespace AiNative.Services.Traces;

/// <summary>Limits of traces, observations and scores, shared by the services, the API and the pages.</summary>
public static class TraceRules
{
    public const int NameMaxLength = 200;

    public const int IdMaxLength = 200;

    public const int ScoreNameMaxLength = 100;

    public const int CategoryMaxLength = 100;

    public const int CommentMaxLength = 2000;

    public const int ProblemTitleMaxLength = 200;

    public const int ProblemDetailMaxLength = 2000;

    public const int MaxPageSize = 100;

    public const int PreviewLength = 160;

    public const int MaxTags = 20;

    public const int TagMaxLength = 100;

    /// <summary>The most traces plus observations one ingestion request may carry.</summary>
    public const int MaxIngestionBatch = 1000;
}
