using AiNative.Services.Models;
using AiNative.Services.Prompts.Retrieval;
using AiNative.Services.Teams;

namespace AiNative.Services.Runs;

/// <summary>
/// One run of a prompt in the playground: what was asked (prompt, variables, model, settings),
/// what was sent, what came back, what it cost and how long it took, with its trace. Names and
/// templates are kept as text, so the run still reads the same after its prompt or model is deleted.
/// </summary>
public sealed class PromptRun : ITeamOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TeamId { get; set; }

    /// <summary>The saved prompt it ran; null for ad-hoc templates, and once the prompt is deleted.</summary>
    public Guid? PromptId { get; set; }

    public string? PromptName { get; set; }

    public int? PromptVersion { get; set; }

    public required string SystemTemplate { get; set; }

    public required string UserTemplate { get; set; }

    public List<RunVariable> Variables { get; set; } = [];

    /// <summary>The model called; plain data, like <see cref="Models.Invocation.ModelCall.ModelId"/>.</summary>
    public Guid ModelId { get; set; }

    public required string ModelName { get; set; }

    /// <summary>The settings sent: the run's own over the model's defaults.</summary>
    public GenerationSettings Settings { get; set; } = new();

    /// <summary>The knowledge base and settings that filled a context variable; null when the run retrieved nothing.</summary>
    public RetrievalSettings? Retrieval { get; set; }

    public List<RunMessage> Messages { get; set; } = [];

    /// <summary>The model's answer, or as much of it as arrived before a failure or cancellation. Untrusted.</summary>
    public string Output { get; set; } = string.Empty;

    public RunStatus Status { get; set; }

    public string? ProblemTitle { get; set; }

    public string? ProblemDetail { get; set; }

    public string? FinishReason { get; set; }

    public long InputTokens { get; set; }

    public long OutputTokens { get; set; }

    /// <summary>True when the provider reported no usage and the tokens were counted by the portal.</summary>
    public bool UsageEstimated { get; set; }

    public decimal Cost { get; set; }

    public double? TimeToFirstTokenMs { get; set; }

    public double LatencyMs { get; set; }

    /// <summary>The call's usage record, known when the call completed.</summary>
    public Guid? ModelCallId { get; set; }

    public Guid? ActorId { get; set; }

    public required string ActorName { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public List<RunSpan> Spans { get; set; } = [];
}
