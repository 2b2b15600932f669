namespace AiNative.Portal.Client.Contracts.Traces;

/// <summary>
/// A score for a trace, following one of the team's score definitions: <see cref="Value"/> for numeric
/// scores (and 1/0 for boolean ones), <see cref="StringValue"/> for a category (or "true"/"false").
/// </summary>
public sealed record AddScoreRequest(string Name, double? Value = null, string? StringValue = null, string? Comment = null, Guid? ObservationId = null);
