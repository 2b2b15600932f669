namespace AiNative.Services.Evaluation.Judges;

/// <summary>What a judge's model answered, or why there is no answer to read (the rubric or the call failed).</summary>
public sealed record JudgeCall(string? Answer, string? Problem, Guid? TraceId);
