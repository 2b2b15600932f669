namespace AiNative.Portal.Client.Contracts.Evaluators;

/// <summary>An evaluator to create or change; <paramref name="Kind"/> is one of the built-in kinds, such as <c>Regex</c> or <c>Judge</c>.</summary>
public sealed record SaveEvaluatorRequest(string? Name, string? Description, string? Kind, EvaluatorSettingsDto? Settings = null);
