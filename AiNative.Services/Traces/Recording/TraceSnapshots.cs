namespace AiNative.Services.Traces.Recording;

/// <summary>Copies of a trace that is still changing, so the writer saves the state it was given.</summary>
internal static class TraceSnapshots
{
    public static Trace Copy(Trace trace) => new()
    {
        Id = trace.Id,
        TeamId = trace.TeamId,
        Source = trace.Source,
        Name = trace.Name,
        Status = trace.Status,
        StartedAt = trace.StartedAt,
        EndedAt = trace.EndedAt,
        LatencyMs = trace.LatencyMs,
        Input = trace.Input,
        Output = trace.Output,
        Privacy = trace.Privacy,
        Tags = [.. trace.Tags],
        Metadata = new Dictionary<string, string>(trace.Metadata),
        UserId = trace.UserId,
        SessionId = trace.SessionId,
        ActorId = trace.ActorId,
        ActorName = trace.ActorName,
        PromptId = trace.PromptId,
        PromptName = trace.PromptName,
        PromptVersion = trace.PromptVersion,
        ModelId = trace.ModelId,
        ModelName = trace.ModelName,
        InputTokens = trace.InputTokens,
        OutputTokens = trace.OutputTokens,
        UsageEstimated = trace.UsageEstimated,
        Cost = trace.Cost,
        TimeToFirstTokenMs = trace.TimeToFirstTokenMs,
        FinishReason = trace.FinishReason,
        ProblemTitle = trace.ProblemTitle,
        ProblemDetail = trace.ProblemDetail,
    };
}
