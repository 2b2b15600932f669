using System.Globalization;
using AiNative.Services.Data;
using AiNative.Services.Evaluation.Definitions;
using AiNative.Services.Models;
using AiNative.Services.Platform.Errors;
using AiNative.Services.Prompts;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Experiments.Planning;

/// <summary>
/// Checks what a person asks to run against the team's datasets, prompts, models and evaluators, every problem
/// naming its field (<c>Variants[1].PromptLabel</c>, …), and resolves it: labels to versions, each variant to its
/// model and provider, evaluators to their latest versions. A variable a prompt needs that items lack is refused
/// here, naming the variable, the prompt and the dataset, before anything runs.
/// </summary>
public sealed class ExperimentPlanner(IDbContextFactory<PortalDbContext> dbFactory)
{
    public const string VariantsField = "Variants";

    public async Task<ExperimentPlan> PlanAsync(ExperimentInput input, CancellationToken cancellationToken)
    {
        var validation = new Validation()
            .RequireText(input.Name?.Trim(), "Name", ExperimentRules.NameMaxLength)
            .Require((input.Description?.Length ?? 0) <= ExperimentRules.DescriptionMaxLength, "Description",
                $"The description must be at most {ExperimentRules.DescriptionMaxLength} characters.")
            .Require(input.Variants.Count is >= ExperimentRules.MinVariants and <= ExperimentRules.MaxVariants, VariantsField,
                $"An experiment compares {ExperimentRules.MinVariants} to {ExperimentRules.MaxVariants} variants; it has {input.Variants.Count}.")
            .Require(input.BaselineIndex >= 0 && input.BaselineIndex < input.Variants.Count, "BaselineIndex",
                "Choose which variant is the baseline the others are compared with.")
            .Require(input.CostCap is null or > 0, "CostCap", "A cost cap is more than $0; leave it empty to run every cell.")
            .Require(input.EvaluatorIds.Count <= ExperimentRules.MaxEvaluators, "EvaluatorIds",
                $"Choose at most {ExperimentRules.MaxEvaluators} evaluators.")
            .Require(input.EvaluatorIds.Distinct().Count() == input.EvaluatorIds.Count, "EvaluatorIds", "Each evaluator can be chosen once.");

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var dataset = await DatasetAsync(db, input, validation, cancellationToken);
        var variants = await VariantsAsync(db, input, validation, cancellationToken);
        var evaluators = await EvaluatorsAsync(db, input.EvaluatorIds, validation, cancellationToken);
        validation.ThrowIfInvalid();

        var plan = new ExperimentPlan(
            input.Name!.Trim(), string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim(),
            dataset!.Id, dataset.Name, dataset.Version, dataset.ItemCount, variants, evaluators, input.CostCap is { } cap ? Money.Round(cap) : null);
        return plan;
    }

    private static async Task<PlannedDataset?> DatasetAsync(PortalDbContext db, ExperimentInput input, Validation validation, CancellationToken cancellationToken)
    {
        var dataset = await db.Datasets.AsNoTracking().Where(d => d.Id == input.DatasetId)
            .Select(d => new { d.Id, d.Name, d.CurrentVersion, d.ItemCount }).SingleOrDefaultAsync(cancellationToken);
        if (dataset is null)
        {
            validation.Require(false, "DatasetId", "Choose one of the team's datasets.");
            return null;
        }

        var version = input.DatasetVersion ?? dataset.CurrentVersion;
        var count = version == dataset.CurrentVersion
            ? dataset.ItemCount
            : await db.DatasetVersions.Where(v => v.DatasetId == dataset.Id && v.Number == version).Select(v => (int?)v.ItemCount).SingleOrDefaultAsync(cancellationToken);
        if (count is null || version < 1)
        {
            validation.Require(false, "DatasetVersion",
                dataset.CurrentVersion == 0
                    ? $"'{dataset.Name}' has no items yet. Add or import items, then run the experiment on them."
                    : $"'{dataset.Name}' has no version {version}; its versions are 1 to {dataset.CurrentVersion}.");
            return null;
        }

        validation.Require(count > 0, "DatasetVersion",
            $"Version {version} of '{dataset.Name}' holds no items, so there is nothing to run. Choose a version with items.");
        return new PlannedDataset(dataset.Id, dataset.Name, version, count.Value);
    }

    private static async Task<List<PlannedVariant>> VariantsAsync(PortalDbContext db, ExperimentInput input, Validation validation, CancellationToken cancellationToken)
    {
        var planned = new List<PlannedVariant>();
        for (var i = 0; i < input.Variants.Count; i++)
        {
            if (await VariantAsync(db, input.Variants[i], i, i == input.BaselineIndex, validation, cancellationToken) is { } variant)
            {
                planned.Add(variant);
            }
        }

        Name(planned, input, validation);
        return planned;
    }

    private static async Task<PlannedVariant?> VariantAsync(
        PortalDbContext db, VariantInput input, int index, bool isBaseline, Validation validation, CancellationToken cancellationToken)
    {
        var field = $"{VariantsField}[{index}]";
        validation
            .Require(input.Temperature is null or >= 0 and <= 2, $"{field}.Temperature", "The temperature is between 0 and 2.")
            .Require(input.TopP is null or >= 0 and <= 1, $"{field}.TopP", "Top P is between 0 and 1.")
            .Require(input.MaxOutputTokens is null or >= 1, $"{field}.MaxOutputTokens", "The answer may be at least 1 token long.")
            .Require((input.Name?.Length ?? 0) <= ExperimentRules.VariantNameMaxLength, $"{field}.Name",
                $"A variant's name is at most {ExperimentRules.VariantNameMaxLength} characters.");
        var prompt = await db.Prompts.AsNoTracking().Where(p => p.Id == input.PromptId).Select(p => new { p.Id, p.Name }).SingleOrDefaultAsync(cancellationToken);
        if (prompt is null)
        {
            validation.Require(false, $"{field}.PromptId", "Choose one of the team's prompts.");
            return null;
        }

        var version = await VersionAsync(db, prompt.Id, prompt.Name, input, field, validation, cancellationToken);
        if (version is null)
        {
            return null;
        }

        var modelId = input.ModelId ?? version.ModelId;
        var model = modelId is { } id ? await db.Models.AsNoTracking().Include(m => m.Provider).SingleOrDefaultAsync(m => m.Id == id, cancellationToken) : null;
        if (model is not { Kind: ModelKind.Chat })
        {
            validation.Require(false, $"{field}.ModelId", (input.ModelId, model) switch
            {
                (null, null) => $"Version {version.Number} of '{prompt.Name}' names no model; choose the model this variant runs on.",
                (_, null) => "Choose one of the team's chat models.",
                _ => $"'{model.Name}' is an embedding model; choose a chat model.",
            });
            return null;
        }

        validation.Require(input.MaxOutputTokens is null || model.MaxOutputTokens <= 0 || input.MaxOutputTokens <= model.MaxOutputTokens,
            $"{field}.MaxOutputTokens", $"'{model.Name}' answers with at most {model.MaxOutputTokens:N0} tokens.");
        var settings = new GenerationSettings
        {
            Temperature = input.Temperature ?? version.Settings.Temperature,
            TopP = input.TopP ?? version.Settings.TopP,
            MaxOutputTokens = input.MaxOutputTokens ?? version.Settings.MaxOutputTokens,
            ResponseFormat = version.Settings.ResponseFormat,
        };
        var variant = new ExperimentVariant
        {
            Position = index,
            Name = input.Name?.Trim() ?? string.Empty,
            IsBaseline = isBaseline,
            PromptId = prompt.Id,
            PromptName = prompt.Name,
            PromptVersion = version.Number,
            PromptLabel = input.PromptVersion is null ? input.PromptLabel : null,
            ModelId = model.Id,
            ModelName = model.Name,
            ModelOverridden = input.ModelId is not null,
            ProviderId = model.ProviderId,
            Settings = settings,
        };
        return new PlannedVariant(variant, version, model);
    }

    private static async Task<PromptVersion?> VersionAsync(
        PortalDbContext db, Guid promptId, string promptName, VariantInput input, string field, Validation validation, CancellationToken cancellationToken)
    {
        var versions = db.PromptVersions.AsNoTracking().Where(v => v.PromptId == promptId);
        if (input.PromptVersion is { } number)
        {
            var numbered = await versions.SingleOrDefaultAsync(v => v.Number == number, cancellationToken);
            validation.Require(numbered is not null, $"{field}.PromptVersion", $"'{promptName}' has no version {number}.");
            return numbered;
        }

        if (string.IsNullOrWhiteSpace(input.PromptLabel))
        {
            validation.Require(false, $"{field}.PromptVersion", $"Choose a version of '{promptName}', or a label that points at one.");
            return null;
        }

        var label = input.PromptLabel.Trim();
        var labelled = label == LabelNames.Latest
            ? await versions.OrderByDescending(v => v.Number).FirstOrDefaultAsync(cancellationToken)
            : await versions.SingleOrDefaultAsync(v => db.PromptLabels.Any(l => l.VersionId == v.Id && l.Name == label), cancellationToken);
        validation.Require(labelled is not null, $"{field}.PromptLabel", $"No version of '{promptName}' is labelled '{label}'.");
        return labelled;
    }

    /// <summary>Names each variant as given, or after its prompt version and model; two variants never share a name.</summary>
    private static void Name(List<PlannedVariant> planned, ExperimentInput input, Validation validation)
    {
        var variants = planned.Select(p => p.Variant).ToList();
        foreach (var variant in variants.Where(v => v.Name.Length == 0))
        {
            variant.Name = Shorten($"{variant.PromptName} v{variant.PromptVersion} · {variant.ModelName}");
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var variant in variants)
        {
            if (seen.Add(variant.Name))
            {
                continue;
            }

            if (!string.IsNullOrWhiteSpace(input.Variants[variant.Position].Name))
            {
                validation.Require(false, $"{VariantsField}[{variant.Position}].Name", $"Another variant is named '{variant.Name}'; give each a name of its own.");
                continue;
            }

            var suffix = $" #{variant.Position + 1}";
            var unique = Shorten(variant.Name, ExperimentRules.VariantNameMaxLength - suffix.Length) + suffix;
            seen.Add(unique);
            variant.Name = unique;
        }
    }

    private static string Shorten(string text, int length = ExperimentRules.VariantNameMaxLength) =>
        text.Length <= length ? text : $"{text[..(length - 1)]}…";

    private static async Task<List<PinnedEvaluator>> EvaluatorsAsync(
        PortalDbContext db, IReadOnlyList<Guid> ids, Validation validation, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var latest = await db.EvaluatorVersions.AsNoTracking().Include(v => v.Definition)
            .Where(v => ids.Contains(v.DefinitionId) && v.Number == v.Definition.LatestVersion)
            .ToListAsync(cancellationToken);
        var missing = ids.Count(id => latest.All(v => v.DefinitionId != id));
        validation.Require(missing == 0, "EvaluatorIds",
            string.Create(CultureInfo.InvariantCulture, $"{missing} of the chosen evaluators are not the team's (deleted?). Reload and choose again."));
        return [.. ids
            .Select(id => latest.FirstOrDefault(v => v.DefinitionId == id))
            .OfType<EvaluatorVersion>()
            .Select(v => new PinnedEvaluator(v.DefinitionId, v.Definition.Name, v.Number, v.Kind, v.Settings))];
    }

    private sealed record PlannedDataset(Guid Id, string Name, int Version, int ItemCount);
}
