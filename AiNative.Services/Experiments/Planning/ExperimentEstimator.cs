using System.Globalization;
using AiNative.Services.Datasets;
using AiNative.Services.Evaluation.Definitions;
using AiNative.Services.Gateway.Calls;
using AiNative.Services.Models;
using AiNative.Services.Platform.Errors;
using AiNative.Services.Prompts;
using AiNative.Services.Prompts.Templates;
using Microsoft.Extensions.AI;

namespace AiNative.Services.Experiments.Planning;

/// <summary>
/// Reads every item of the pinned version once: each must give every variable its variant's prompt needs (a variable
/// without a default; a knowledge base fills the context one), or the experiment is refused naming the variable, the
/// prompt and the dataset. The first <see cref="SampleItems"/> items are rendered and their tokens counted
/// (<see cref="TokenCounter"/>), and the model's prices make the estimate, scaled to every item.
/// </summary>
public sealed class ExperimentEstimator(DatasetItems items, TemplateRenderer renderer, TokenCounter tokens)
{
    public const int SampleItems = 500;

    /// <summary>How many items lacking a variable the refusal lists by number.</summary>
    private const int ItemsNamed = 5;

    public async Task<ExperimentEstimate> EstimateAsync(ExperimentPlan plan, CancellationToken cancellationToken)
    {
        var variants = plan.Variants.Select(v => new Tally(v, Needed(v.Version))).ToList();
        var read = 0;
        await foreach (var item in items.ReadAllAsync(plan.DatasetId, plan.DatasetVersion, cancellationToken))
        {
            var values = Values(item);
            foreach (var tally in variants)
            {
                var lacking = tally.Needed.Where(name => values.GetValueOrDefault(name) is null).ToList();
                foreach (var name in lacking)
                {
                    tally.Lacking.TryAdd(name, []);
                    tally.Lacking[name].Add(item.Position);
                }

                if (read < SampleItems && lacking.Count == 0)
                {
                    await tally.CountAsync(renderer, tokens, values, item.ExpectedOutput, cancellationToken);
                }
            }

            read++;
        }

        var validation = new Validation();
        foreach (var tally in variants.Where(t => t.Lacking.Count > 0))
        {
            foreach (var (name, positions) in tally.Lacking)
            {
                var numbers = string.Join(", ", positions.Take(ItemsNamed).Select(p => $"#{p}")) + (positions.Count > ItemsNamed ? ", …" : string.Empty);
                validation.Require(false, $"{ExperimentPlanner.VariantsField}[{tally.Variant.Variant.Position}].PromptVersion",
                    string.Create(CultureInfo.InvariantCulture,
                        $"Version {tally.Variant.Variant.PromptVersion} of '{tally.Variant.Variant.PromptName}' needs the variable '{name}', which {positions.Count} of the {read} items of '{plan.DatasetName}' v{plan.DatasetVersion} lack ({numbers}). Add '{name}' to those items, or give the variable a default in a new version."));
            }
        }

        validation.ThrowIfInvalid();
        return Estimate(plan, variants, read);
    }

    private static ExperimentEstimate Estimate(ExperimentPlan plan, List<Tally> variants, int read)
    {
        var estimates = variants.Select(t => t.Estimate(plan.ItemCount)).ToList();
        var notes = new List<string>();
        if (read > SampleItems)
        {
            notes.Add($"Tokens were counted on the first {SampleItems:N0} of the {read:N0} items and scaled to all of them.");
        }

        if (variants.Any(t => t.Variant.Version.Retrieval is not null))
        {
            notes.Add("The passages a knowledge base adds at run time are not counted.");
        }

        if (estimates.Where(e => !e.Priced).Select(e => e.ModelName).Distinct().ToList() is { Count: > 0 } unpriced)
        {
            notes.Add($"{string.Join(", ", unpriced)} {(unpriced.Count == 1 ? "has" : "have")} no price, so {(unpriced.Count == 1 ? "its" : "their")} calls count as $0.");
        }

        if (plan.Evaluators.Any(e => e.Kind is EvaluatorKind.Judge or EvaluatorKind.PairwiseJudge or EvaluatorKind.Faithfulness))
        {
            notes.Add("Judges make calls of their own, which are not counted here (their traces show their cost).");
        }

        return new ExperimentEstimate(plan.ItemCount, plan.ItemCount * plan.Variants.Count,
            estimates.Sum(e => e.EstimatedCost), estimates.Sum(e => e.MaxCost), estimates, notes);
    }

    /// <summary>The variables a version cannot render without: no default, and not filled by its knowledge base.</summary>
    private static List<string> Needed(PromptVersion version) =>
        [.. version.Variables
            .Where(v => v.DefaultValue is null)
            .Select(v => v.Name)
            .Where(name => !string.Equals(name, version.Retrieval?.ContextVariable, StringComparison.OrdinalIgnoreCase))];

    /// <summary>An item's input variables as a prompt takes them: text as it is, other JSON as JSON; null is no value.</summary>
    public static Dictionary<string, string?> Values(DatasetItem item) =>
        ItemJson.Read(item.Input).ToDictionary(p => p.Key, p => ItemJson.AsText(p.Value), StringComparer.OrdinalIgnoreCase);

    /// <summary>What the answer may be at most, as the gateway bounds a reservation.</summary>
    public static int MaxOutputTokens(ExperimentVariant variant, ModelDefinition model) =>
        variant.Settings.MaxOutputTokens ?? model.DefaultSettings.MaxOutputTokens
        ?? (model.MaxOutputTokens > 0 ? model.MaxOutputTokens : GatewayChat.DefaultMaxOutputTokens);

    private sealed class Tally(PlannedVariant variant, List<string> needed)
    {
        private long _inputTokens;
        private long _outputTokens;
        private long _maxOutputTokens;
        private int _counted;

        public PlannedVariant Variant { get; } = variant;

        public List<string> Needed { get; } = needed;

        public Dictionary<string, List<long>> Lacking { get; } = new(StringComparer.OrdinalIgnoreCase);

        public async Task CountAsync(
            TemplateRenderer renderer, TokenCounter counter, Dictionary<string, string?> values, string? expected, CancellationToken cancellationToken)
        {
            var given = new Dictionary<string, string?>(values, StringComparer.OrdinalIgnoreCase);
            if (Variant.Version.Retrieval is { } retrieval)
            {
                given[retrieval.ContextVariable] = string.Empty;
            }

            RenderedPrompt rendered;
            try
            {
                rendered = await renderer.RenderAsync(PromptTemplates.Of(Variant.Version), given, cancellationToken);
            }
            catch (ValidationFailedException)
            {
                // A template that does not render fails its cells with the reason; it adds nothing to the estimate.
                return;
            }

            List<ChatMessage> messages = [new(ChatRole.System, rendered.System), new(ChatRole.User, rendered.User)];
            var most = MaxOutputTokens(Variant.Variant, Variant.Model);
            _inputTokens += counter.Count(messages.Where(m => !string.IsNullOrWhiteSpace(m.Text)));
            _outputTokens += expected is null ? most : Math.Min(most, counter.Count(expected));
            _maxOutputTokens += most;
            _counted++;
        }

        public VariantEstimate Estimate(int items)
        {
            var scale = _counted == 0 ? 0 : (double)items / _counted;
            var input = (long)Math.Round(_inputTokens * scale);
            var output = (long)Math.Round(_outputTokens * scale);
            var maxOutput = (long)Math.Round(_maxOutputTokens * scale);
            var model = Variant.Model;
            return new VariantEstimate(Variant.Variant.Name, model.Name, items, input, output,
                model.CostOf(input, output), model.CostOf(input, maxOutput), model.InputPricePerMillion > 0 || model.OutputPricePerMillion > 0);
        }
    }
}
