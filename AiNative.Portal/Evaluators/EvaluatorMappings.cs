using AiNative.Portal.Client.Contracts.Evaluators;
using AiNative.Services.Evaluation.Definitions;
using AiNative.Services.Platform.Errors;

namespace AiNative.Portal.Evaluators;

/// <summary>Between the evaluator services' types and the API contract's DTOs.</summary>
internal static class EvaluatorMappings
{
    public static EvaluatorSummaryDto ToSummaryDto(this EvaluatorDefinition definition) =>
        new(definition.Id, definition.Name, definition.Description, definition.Versions[0].Kind.ToString(), definition.LatestVersion, definition.UpdatedAt);

    public static EvaluatorDetailsDto ToDto(this EvaluatorDefinition definition) =>
        new(definition.Id, definition.Name, definition.Description, definition.LatestVersion, definition.CreatedAt, definition.UpdatedAt,
            definition.Versions.Select(ToDto).ToList());

    public static EvaluatorVersionDto ToDto(this EvaluatorVersion version) =>
        new(version.Number, version.Kind.ToString(), version.Settings.ToDto(), version.CreatedAt, version.CreatedBy);

    /// <summary>The input the request describes; a kind that is not one of the built-in kinds is refused, naming the field.</summary>
    public static EvaluatorInput ToInput(this SaveEvaluatorRequest request)
    {
        var known = !string.IsNullOrWhiteSpace(request.Kind) && !request.Kind.Trim().All(c => char.IsDigit(c) || c == '-')
            && Enum.TryParse<EvaluatorKind>(request.Kind.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed);
        if (!known)
        {
            throw new ValidationFailedException(EvaluatorSettingsRules.KindField, string.IsNullOrWhiteSpace(request.Kind)
                ? $"Choose the evaluator's kind: one of {string.Join(", ", Enum.GetNames<EvaluatorKind>())}."
                : EvaluatorSettingsRules.UnknownKind(request.Kind));
        }

        return new EvaluatorInput(request.Name, request.Description, Enum.Parse<EvaluatorKind>(request.Kind!.Trim(), ignoreCase: true), (request.Settings ?? new()).ToSettings());
    }

    private static EvaluatorSettingsDto ToDto(this EvaluatorSettings s) => new()
    {
        Value = s.Value,
        IgnoreCase = s.IgnoreCase,
        Pattern = s.Pattern,
        Schema = s.Schema,
        Path = s.Path,
        Tolerance = s.Tolerance,
        Threshold = s.Threshold,
        MinLength = s.MinLength,
        MaxLength = s.MaxLength,
        MaxLatencyMs = s.MaxLatencyMs,
        MaxCost = s.MaxCost,
        ModelId = s.ModelId,
        PromptId = s.PromptId,
        PromptVersion = s.PromptVersion,
        PromptLabel = s.PromptLabel,
        TopK = s.TopK,
    };

    private static EvaluatorSettings ToSettings(this EvaluatorSettingsDto s) => new()
    {
        Value = Blank(s.Value),
        IgnoreCase = s.IgnoreCase,
        Pattern = Blank(s.Pattern),
        Schema = Blank(s.Schema),
        Path = Blank(s.Path),
        Tolerance = s.Tolerance,
        Threshold = s.Threshold,
        MinLength = s.MinLength,
        MaxLength = s.MaxLength,
        MaxLatencyMs = s.MaxLatencyMs,
        MaxCost = s.MaxCost,
        ModelId = s.ModelId,
        PromptId = s.PromptId,
        PromptVersion = s.PromptVersion,
        PromptLabel = Blank(s.PromptLabel),
        TopK = s.TopK,
    };

    /// <summary>Forms send empty text for a setting left empty; it means "not set".</summary>
    private static string? Blank(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
