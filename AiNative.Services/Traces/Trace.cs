using AiNative.Services.Teams;

namespace AiNative.Services.Traces;

/// <summary>
/// One unit of work (a playground run, a knowledge answer, an experiment cell, a gateway request, an
/// evaluator's judgement) with the observations it is made of and the scores given to it. Its token
/// and cost totals are the sums of its model calls, so usage reports add up traces.
/// </summary>
public sealed class Trace : ITeamOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TeamId { get; set; }

    public TraceSource Source { get; set; }

    public required string Name { get; set; }

    public TraceStatus Status { get; set; } = TraceStatus.Running;

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    public double LatencyMs { get; set; }

    /// <summary>What the work started from, as JSON; kept per the team's <see cref="TracePrivacy"/>. Untrusted.</summary>
    public string? Input { get; set; }

    /// <summary>What the work produced; kept per the team's <see cref="TracePrivacy"/>. Untrusted.</summary>
    public string? Output { get; set; }

    /// <summary>How much content this trace kept when it was recorded.</summary>
    public TracePrivacy Privacy { get; set; } = TracePrivacy.Full;

    public List<string> Tags { get; set; } = [];

    public Dictionary<string, string> Metadata { get; set; } = [];

    /// <summary>The application's end user, when a caller names one (the gateway's <c>user</c>).</summary>
    public string? UserId { get; set; }

    /// <summary>Groups the traces of one conversation or session of an application.</summary>
    public string? SessionId { get; set; }

    /// <summary>The portal user, token or job that did the work.</summary>
    public Guid? ActorId { get; set; }

    public string? ActorName { get; set; }

    /// <summary>The saved prompt the work ran, kept as text too so it reads the same after the prompt is deleted.</summary>
    public Guid? PromptId { get; set; }

    public string? PromptName { get; set; }

    public int? PromptVersion { get; set; }

    /// <summary>The model of the trace's main generation, for lists and filters.</summary>
    public Guid? ModelId { get; set; }

    public string? ModelName { get; set; }

    public long InputTokens { get; set; }

    public long OutputTokens { get; set; }

    /// <summary>True when any of its calls' usage was counted by the portal rather than reported by the provider.</summary>
    public bool UsageEstimated { get; set; }

    public decimal Cost { get; set; }

    public double? TimeToFirstTokenMs { get; set; }

    public string? FinishReason { get; set; }

    public string? ProblemTitle { get; set; }

    public string? ProblemDetail { get; set; }
}
