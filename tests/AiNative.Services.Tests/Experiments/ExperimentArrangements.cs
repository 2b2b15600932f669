using AiNative.Services.Datasets;
using AiNative.Services.Evaluation.Definitions;
using AiNative.Services.Experiments;
using AiNative.Services.Experiments.Planning;
using AiNative.Testing;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Tests.Experiments;

/// <summary>Prompts, datasets, evaluators and experiments as the experiment tests need them.</summary>
internal static class ExperimentArrangements
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>A prompt whose versions ask <c>{{$question}}</c> with the given system messages, on <paramref name="modelId"/>.</summary>
    public static Task<Guid> PromptAsync(this TeamScope scope, Guid modelId, params string[] systems) =>
        scope.AddPromptAsync($"Prompt {Guid.NewGuid():N}"[..20], modelId, systems, "{{$question}}");

    /// <summary>A dataset of questions (and their expected outputs), imported as version 1.</summary>
    public static Task<Dataset> QuestionsAsync(this TeamScope scope, params (string Question, string Expected)[] items) =>
        scope.AddQuestionsAsync($"Questions {Guid.NewGuid():N}"[..20], items);

    public static async Task<Guid> EvaluatorAsync(this TeamScope scope, string name, EvaluatorKind kind, EvaluatorSettings? settings = null) =>
        (await scope.Get<EvaluatorDefinitions>().CreateAsync(new EvaluatorInput(name, null, kind, settings ?? new EvaluatorSettings()), Cancel)).Id;

    /// <summary>Two variants: versions 1 and 2 of the prompt (version 1 the baseline).</summary>
    public static ExperimentInput Input(Guid datasetId, Guid promptId, decimal? costCap = null, params Guid[] evaluators) => new()
    {
        Name = $"Experiment {Guid.NewGuid():N}"[..24],
        DatasetId = datasetId,
        Variants = [new VariantInput { PromptId = promptId, PromptVersion = 1 }, new VariantInput { PromptId = promptId, PromptVersion = 2 }],
        EvaluatorIds = evaluators,
        CostCap = costCap,
    };

    public static async Task<List<ExperimentCell>> CellsAsync(this TeamScope scope, Guid experimentId)
    {
        await using var db = await scope.DbAsync();
        return await db.ExperimentCells.AsNoTracking().Where(c => c.ExperimentId == experimentId)
            .OrderBy(c => c.ItemPosition).ThenBy(c => c.VariantPosition).ToListAsync(Cancel);
    }
}
