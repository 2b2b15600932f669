namespace AiNative.Services.Knowledge.Ingestion;

/// <summary>What a step handler reports (Kernel Memory's <c>ReturnType</c>, plus a restart from an earlier step).</summary>
public sealed record StepResult(StepResultKind Kind, string? Message = null, string? RestartStep = null)
{
    public static StepResult Success { get; } = new(StepResultKind.Success);

    public static StepResult DocumentDeleted { get; } = new(StepResultKind.DocumentDeleted, "The document was deleted while it was being ingested.");

    /// <summary>Worth trying again later (the job backs off); the document stays in its step.</summary>
    public static StepResult TransientError(string message) => new(StepResultKind.TransientError, message);

    /// <summary>Trying again will not help; the document fails with <paramref name="message"/>.</summary>
    public static StepResult FatalError(string message) => new(StepResultKind.FatalError, message);

    /// <summary>Earlier work is gone or outdated (a lost artifact, a replaced index generation): run again from <paramref name="step"/>.</summary>
    public static StepResult RestartFrom(string step, string reason) => new(StepResultKind.Restart, reason, step);
}
