using System.Globalization;
using AiNative.Services.Data;
using AiNative.Services.Evaluation.Deterministic;
using AiNative.Services.Gateway.Routes;
using AiNative.Services.Models;
using AiNative.Services.Platform.Errors;
using AiNative.Services.Prompts;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Evaluation.Definitions;

/// <summary>
/// What each kind of evaluator needs in its settings, checked before a version is saved so that an experiment never
/// meets a bad regex or schema halfway: every problem names its field (<c>Settings.Pattern</c>, …).
/// </summary>
public static class EvaluatorSettingsRules
{
    public const int NameMaxLength = 100;

    public const int DescriptionMaxLength = 500;

    public const int TextMaxLength = 10_000;

    public const int PatternMaxLength = 1_000;

    public const int SchemaMaxLength = 20_000;

    public const string KindField = "Kind";

    public static async Task ValidateAsync(PortalDbContext db, EvaluatorInput input, CancellationToken cancellationToken)
    {
        var validation = new Validation()
            .RequireText(input.Name?.Trim(), "Name", NameMaxLength)
            .Require((input.Description?.Length ?? 0) <= DescriptionMaxLength, "Description", $"The description must be at most {DescriptionMaxLength} characters.");
        if (!Enum.IsDefined(input.Kind))
        {
            validation.Require(false, KindField, UnknownKind(input.Kind.ToString()));
            validation.ThrowIfInvalid();
        }

        var s = input.Settings;
        validation
            .Require((s.Value?.Length ?? 0) <= TextMaxLength, Field(nameof(s.Value)), $"The value must be at most {TextMaxLength:N0} characters.")
            .Require(s.TopK is null or >= 1, Field(nameof(s.TopK)), "Top K counts at least 1 passage; leave it empty to count all.");
        CheckKind(input.Kind, s, validation);
        await CheckReferencesAsync(db, input.Kind, s, validation, cancellationToken);
        validation.ThrowIfInvalid();
    }

    public static string UnknownKind(string kind) =>
        $"'{kind}' is not an evaluator kind. Choose one of: {string.Join(", ", Enum.GetNames<EvaluatorKind>())}.";

    public static string Field(string setting) => $"Settings.{setting}";

    private static void CheckKind(EvaluatorKind kind, EvaluatorSettings s, Validation validation)
    {
        switch (kind)
        {
            case EvaluatorKind.NotContains:
                validation.Require(!string.IsNullOrEmpty(s.Value), Field(nameof(s.Value)), "Enter the text the output must not contain.");
                break;
            case EvaluatorKind.Regex:
                validation.Require(!string.IsNullOrEmpty(s.Pattern), Field(nameof(s.Pattern)), "Enter the regular expression the output must match.")
                    .Require((s.Pattern?.Length ?? 0) <= PatternMaxLength, Field(nameof(s.Pattern)), $"The pattern must be at most {PatternMaxLength:N0} characters.");
                if (!string.IsNullOrEmpty(s.Pattern) && PatternProblem(s.Pattern, s.IgnoreCase) is { } patternProblem)
                {
                    validation.Require(false, Field(nameof(s.Pattern)), $"The pattern is not a valid regular expression: {patternProblem}");
                }

                break;
            case EvaluatorKind.JsonSchema:
                validation.Require(!string.IsNullOrWhiteSpace(s.Schema), Field(nameof(s.Schema)), "Enter the JSON Schema the output must match.")
                    .Require((s.Schema?.Length ?? 0) <= SchemaMaxLength, Field(nameof(s.Schema)), $"The schema must be at most {SchemaMaxLength:N0} characters.");
                if (!string.IsNullOrWhiteSpace(s.Schema) && AnswerGuard.SchemaProblem(s.Schema) is { } schemaProblem)
                {
                    validation.Require(false, Field(nameof(s.Schema)), $"The schema cannot be read: {schemaProblem}");
                }

                break;
            case EvaluatorKind.JsonFieldEquals:
                JsonFieldPath.TryParse(s.Path, out var pathProblem);
                validation.Require(pathProblem is null, Field(nameof(s.Path)), pathProblem ?? string.Empty);
                break;
            case EvaluatorKind.NumericTolerance:
                validation.Require(s.Tolerance is >= 0 && double.IsFinite(s.Tolerance.Value), Field(nameof(s.Tolerance)),
                        "Enter the tolerance: the largest difference from the expected number that passes, 0 or more.")
                    .Require(s.Value is null || NumericToleranceEvaluator.ReadNumber(s.Value) is not null, Field(nameof(s.Value)),
                        $"'{s.Value}' is not a number; enter a number or leave it empty to use the expected output.");
                break;
            case EvaluatorKind.EmbeddingSimilarity:
                validation.Require(s.ModelId is not null, Field(nameof(s.ModelId)), "Choose the embedding model that compares the texts.");
                break;
            case EvaluatorKind.LatencyUnder:
                validation.Require(s.MaxLatencyMs is > 0, Field(nameof(s.MaxLatencyMs)), "Enter the longest latency that passes, in milliseconds (more than 0).");
                break;
            case EvaluatorKind.CostUnder:
                validation.Require(s.MaxCost is >= 0, Field(nameof(s.MaxCost)), "Enter the highest cost that passes, in US dollars (0 or more).");
                break;
            case EvaluatorKind.LengthInRange:
                validation.Require(s.MinLength is not null || s.MaxLength is not null, Field(nameof(s.MinLength)), "Enter a shortest length, a longest length, or both.")
                    .Require(s.MinLength is null or >= 0, Field(nameof(s.MinLength)), "The shortest length is 0 or more characters.")
                    .Require(s.MaxLength is null or >= 0, Field(nameof(s.MaxLength)), "The longest length is 0 or more characters.")
                    .Require(s.MinLength is null || s.MaxLength is null || s.MinLength <= s.MaxLength, Field(nameof(s.MaxLength)),
                        "The longest length must not be below the shortest.");
                break;
            case EvaluatorKind.Judge or EvaluatorKind.Faithfulness or EvaluatorKind.PairwiseJudge:
                validation.Require(s.PromptId is not null, Field(nameof(s.PromptId)), "Choose the rubric prompt the judge runs.")
                    .Require(s.PromptVersion is null or >= 1, Field(nameof(s.PromptVersion)), "Versions are numbered from 1; leave it empty to follow a label.")
                    .Require(s.PromptLabel is null || s.PromptLabel == LabelNames.Latest || LabelNames.Problem(s.PromptLabel) is null,
                        Field(nameof(s.PromptLabel)), LabelNames.Problem(s.PromptLabel) ?? string.Empty);
                break;
        }

        if (s.Threshold is { } threshold)
        {
            var (min, max) = EvaluatorDefaults.ThresholdRange(kind);
            validation.Require(EvaluatorDefaults.IsGraded(kind), Field(nameof(s.Threshold)), $"A {kind} evaluator passes or fails on its own; leave the threshold empty.")
                .Require(threshold >= min && threshold <= max, Field(nameof(s.Threshold)),
                    string.Create(CultureInfo.InvariantCulture, $"The threshold of a {kind} evaluator is between {min} and {max}."));
        }
    }

    private static async Task CheckReferencesAsync(PortalDbContext db, EvaluatorKind kind, EvaluatorSettings s, Validation validation, CancellationToken cancellationToken)
    {
        if (s.ModelId is { } modelId)
        {
            var wanted = kind == EvaluatorKind.EmbeddingSimilarity ? ModelKind.Embedding : ModelKind.Chat;
            var found = await db.Models.AsNoTracking().AnyAsync(m => m.Id == modelId && m.Kind == wanted, cancellationToken);
            validation.Require(found, Field(nameof(s.ModelId)), wanted == ModelKind.Embedding
                ? "Choose one of the team's embedding models."
                : "Choose one of the team's chat models for the judge, or leave it empty to use the rubric version's model.");
        }

        if (s.PromptId is { } promptId)
        {
            var prompt = await db.Prompts.AsNoTracking().Where(p => p.Id == promptId)
                .Select(p => new { Numbers = p.Versions.Select(v => v.Number).ToList() }).SingleOrDefaultAsync(cancellationToken);
            validation.Require(prompt is not null, Field(nameof(s.PromptId)), "Choose one of the team's prompts as the rubric.");
            validation.Require(prompt is null || s.PromptVersion is null || prompt.Numbers.Contains(s.PromptVersion.Value), Field(nameof(s.PromptVersion)),
                $"The rubric prompt has no version {s.PromptVersion}.");
        }
    }

    private static string? PatternProblem(string pattern, bool ignoreCase)
    {
        try
        {
            RegexEvaluator.Create(pattern, ignoreCase);
            return null;
        }
        catch (ArgumentException e)
        {
            return e.Message;
        }
    }
}
