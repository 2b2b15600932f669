namespace AiNative.Services.Traces.Ingestion;

/// <summary>What makes an ingested item unusable; each check names the field and what to do.</summary>
internal static class IngestionRules
{
    private const int FieldMaxLength = 100;

    public static (string Field, string Message)? Check(IngestedTrace item, HashSet<Guid> otherTeams, List<Trace> accepted) =>
        string.IsNullOrWhiteSpace(item.Name) ? ("name", "Give the trace a name.")
        : item.Name.Length > TraceRules.NameMaxLength ? ("name", $"The name must be at most {TraceRules.NameMaxLength} characters.")
        : item.StartedAt is null ? ("startedAt", "Give the time the trace started (ISO 8601 with an offset).")
        : item.EndedAt < item.StartedAt ? ("endedAt", "The trace cannot end before it starts.")
        : item.Status is { } status && !Enum.IsDefined(status) ? ("status", "Use Running, Succeeded, Failed or Cancelled.")
        : item.Id is { } id && otherTeams.Contains(id) ? ("id", $"The id {id} is taken; leave it out and the portal chooses one.")
        : item.Id is { } same && accepted.Any(t => t.Id == same) ? ("id", $"The batch holds trace {same} twice.")
        : (item.Tags?.Count ?? 0) > TraceRules.MaxTags ? ("tags", $"A trace may have at most {TraceRules.MaxTags} tags.")
        : item.Tags?.Any(t => t.Length > TraceRules.TagMaxLength) == true ? ("tags", $"Each tag must be at most {TraceRules.TagMaxLength} characters.")
        : (item.UserId?.Length ?? 0) > TraceRules.IdMaxLength ? ("userId", $"The user id must be at most {TraceRules.IdMaxLength} characters.")
        : (item.SessionId?.Length ?? 0) > TraceRules.IdMaxLength ? ("sessionId", $"The session id must be at most {TraceRules.IdMaxLength} characters.")
        : null;

    public static (string Field, string Message)? Check(IngestedObservation item, HashSet<Guid> knownTraces, HashSet<Guid> takenIds, List<Observation> accepted) =>
        item.TraceId is not { } traceId ? ("traceId", "Name the trace the observation belongs to.")
        : !knownTraces.Contains(traceId) ? ("traceId", $"Trace {traceId} was not found: send it in this batch or an earlier one.")
        : string.IsNullOrWhiteSpace(item.Name) ? ("name", "Give the observation a name.")
        : item.Name.Length > TraceRules.NameMaxLength ? ("name", $"The name must be at most {TraceRules.NameMaxLength} characters.")
        : item.StartedAt is null ? ("startedAt", "Give the time the observation started (ISO 8601 with an offset).")
        : item.EndedAt < item.StartedAt ? ("endedAt", "The observation cannot end before it starts.")
        : item.Type is { } type && !Enum.IsDefined(type) ? ("type", "Use Generation, Embedding, Retrieval, Render, ToolCall or Span.")
        : item.Status is { } status && !Enum.IsDefined(status) ? ("status", "Use Running, Succeeded, Failed or Cancelled.")
        : item.Id is { } id && (takenIds.Contains(id) || accepted.Any(o => o.Id == id)) ? ("id", $"Observation {id} was already recorded; observations cannot be changed.")
        : item.InputTokens < 0 || item.OutputTokens < 0 ? ("inputTokens", "Token counts cannot be negative.")
        : item.Cost < 0 ? ("cost", "The cost cannot be negative.")
        : (item.Model?.Length ?? 0) > FieldMaxLength ? ("model", $"The model name must be at most {FieldMaxLength} characters.")
        : (item.FinishReason?.Length ?? 0) > 40 ? ("finishReason", "The finish reason must be at most 40 characters.")
        : (item.Error?.Length ?? 0) > FieldMaxLength ? ("error", $"The error must be at most {FieldMaxLength} characters: send its kind, not its text.")
        : null;
}
