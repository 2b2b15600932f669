using AiNative.Services.Teams;

namespace AiNative.Services.Traces;

/// <summary>
/// One step inside a trace, nested by <see cref="ParentId"/>: a generation, an embedding, a
/// retrieval, a template render, a tool call or a span. Attributes use the OpenTelemetry GenAI
/// names where one exists.
/// </summary>
public sealed class Observation : ITeamOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TeamId { get; set; }

    /// <summary>No foreign key: observations may arrive before their trace (ingestion API, the writer's batches).</summary>
    public Guid TraceId { get; set; }

    public Guid? ParentId { get; set; }

    public ObservationType Type { get; set; }

    public required string Name { get; set; }

    public TraceStatus Status { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public double DurationMs { get; set; }

    /// <summary>For generations and embeddings: the registered model, kept as data so a deleted model's history stays.</summary>
    public Guid? ModelId { get; set; }

    public string? ModelName { get; set; }

    /// <summary>Messages or query as JSON, per the team's privacy. Untrusted.</summary>
    public string? Input { get; set; }

    /// <summary>The model's answer or the step's result, per the team's privacy. Untrusted.</summary>
    public string? Output { get; set; }

    public long InputTokens { get; set; }

    public long OutputTokens { get; set; }

    public bool UsageEstimated { get; set; }

    public decimal Cost { get; set; }

    public double? TimeToFirstTokenMs { get; set; }

    public string? FinishReason { get; set; }

    /// <summary>The failure's kind and provider status (never its text, which may quote the request).</summary>
    public string? Error { get; set; }

    public Dictionary<string, string> Attributes { get; set; } = [];

    /// <summary>The chunks a retrieval found, best first; empty for other types.</summary>
    public List<RetrievedChunk> Hits { get; set; } = [];
}
