using AiNative.Services.Evaluation.Definitions;

namespace AiNative.Services.Experiments;

/// <summary>
/// The experiment a fresh portal starts with: the demo prompt's production version (the baseline) against its staging
/// version, both on the built-in offline model, over the demo dataset, scored by three deterministic evaluators. It is
/// seeded running and the runner finishes it within moments of the first start, so the results page is filled at once.
/// </summary>
internal static class DemoExperiment
{
    public const string Name = "Demo: Support answer v1 against v2";

    public const string Description = "Seeded with the demo data: the production version against the staging version, on the built-in offline model.";

    public static IReadOnlyList<(string Name, string Description, EvaluatorKind Kind, EvaluatorSettings Settings)> Evaluators { get; } =
    [
        ("similar to expected", "ROUGE-L of the answer against the item's expected output.", EvaluatorKind.RougeL, new EvaluatorSettings { Threshold = 0.3 }),
        ("contains expected", "The answer quotes the item's expected output.", EvaluatorKind.Contains, new EvaluatorSettings { IgnoreCase = true }),
        ("at most 300 characters", "Short enough for a chat bubble.", EvaluatorKind.LengthInRange, new EvaluatorSettings { MaxLength = 300 }),
    ];
}
