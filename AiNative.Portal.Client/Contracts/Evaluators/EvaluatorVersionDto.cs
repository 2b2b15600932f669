namespace AiNative.Portal.Client.Contracts.Evaluators;

public sealed record EvaluatorVersionDto(int Number, string Kind, EvaluatorSettingsDto Settings, DateTimeOffset CreatedAt, string CreatedBy);
