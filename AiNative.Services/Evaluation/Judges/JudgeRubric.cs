namespace AiNative.Services.Evaluation.Judges;

/// <summary>
/// Which rubric prompt a judge runs: a prompt of the registry at a fixed version, else at a label (production when
/// neither is given), on a chosen model, else the version's own.
/// </summary>
public sealed record JudgeRubric(Guid PromptId, int? Version = null, string? Label = null, Guid? ModelId = null);
