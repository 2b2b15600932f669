using System.Text.Json.Nodes;
using AiNative.Services.Datasets;
using AiNative.Services.Evaluation.Definitions;
using AiNative.Services.Experiments;
using AiNative.Services.Experiments.Planning;
using AiNative.Testing;

namespace AiNative.Services.Tests.Experiments;

/// <summary>
/// Two runs on one dataset, before and after it changed. "Before" ran version 1 (q1–q4); then q2's expected answer
/// became "Roma", q4 was deleted and q5 added; "After" ran that version. Each has the "Right." prompt version (answers
/// with the capital) and the "Wrong." one ("Not …"); both are scored by exact match and by Levenshtein similarity.
/// "Broken" ran the newer version with "Right." against "Broken.", whose every call the provider fails.
/// </summary>
public sealed class ComparisonRuns : IAsyncLifetime
{
    private static readonly Dictionary<string, string> Answers = new()
    {
        ["q1"] = "Paris", ["q2"] = "Rome", ["q3"] = "Madrid", ["q4"] = "Berlin", ["q5"] = "Lisbon",
    };

    private FakeOpenAiServer _provider = null!;

    public ServicesHost Host { get; private set; } = null!;

    public TeamScope Scope { get; private set; } = null!;

    public Experiment Before { get; private set; } = null!;

    public Experiment After { get; private set; } = null!;

    public Experiment Broken { get; private set; } = null!;

    /// <summary>An experiment on another dataset.</summary>
    public Experiment Elsewhere { get; private set; } = null!;

    public Guid EditedItem { get; private set; }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _provider = await FakeOpenAiServer.StartAsync();
        _provider.ChunkDelay = TimeSpan.Zero;
        _provider.FailWhen = messages => messages[0].Content == "Broken." ? new FakeFailure(500) : null;
        _provider.Reply = messages => messages[0].Content == "Right." ? Answers[messages[^1].Content] : $"Not {Answers[messages[^1].Content]}";
        Host = await ServicesHost.StartAsync();
        Scope = Host.InTeam(await Host.DemoTeamIdAsync());
        var model = await Scope.AddOpenAiCompatibleModelAsync(_provider.BaseUrl, FakeOpenAiServer.ChatModel);
        var prompt = await Scope.PromptAsync(model.Id, "Right.", "Wrong.", "Broken.");
        var dataset = await Scope.QuestionsAsync([.. Answers.Where(a => a.Key != "q5").Select(a => (a.Key, a.Value))]);
        var exact = await Scope.EvaluatorAsync("exact", EvaluatorKind.ExactMatch);
        var similar = await Scope.EvaluatorAsync("similar", EvaluatorKind.Levenshtein, new EvaluatorSettings { Threshold = 0.5 });
        Before = await RunAsync(ExperimentArrangements.Input(dataset.Id, prompt, null, exact, similar));

        var items = Scope.Get<DatasetItems>();
        var all = new List<DatasetItem>();
        await foreach (var item in items.ReadAllAsync(dataset.Id, 1, Cancel))
        {
            all.Add(item);
        }

        EditedItem = all[1].ItemId;
        await items.UpdateAsync(dataset.Id, EditedItem, new ItemContent { Variables = new JsonObject { ["question"] = "q2" }, ExpectedOutput = "Roma" }, Cancel);
        await items.DeleteAsync(dataset.Id, [all[3].ItemId], Cancel);
        await items.AddAsync(dataset.Id, new ItemContent { Variables = new JsonObject { ["question"] = "q5" }, ExpectedOutput = "Lisbon" }, Cancel);
        After = await RunAsync(ExperimentArrangements.Input(dataset.Id, prompt, null, exact, similar));
        Broken = await RunAsync(ExperimentArrangements.Input(dataset.Id, prompt, null, exact, similar) with
        {
            Variants = [new VariantInput { PromptId = prompt, PromptVersion = 1 }, new VariantInput { PromptId = prompt, PromptVersion = 3 }],
        });

        var other = await Scope.QuestionsAsync(("q1", "Paris"));
        Elsewhere = await Scope.Get<ExperimentRegistry>().CreateAsync(ExperimentArrangements.Input(other.Id, prompt, null, exact), Cancel);
    }

    public async ValueTask DisposeAsync()
    {
        await Scope.DisposeAsync();
        await _provider.DisposeAsync();
        await Host.DisposeAsync();
    }

    private async Task<Experiment> RunAsync(ExperimentInput input)
    {
        var registry = Scope.Get<ExperimentRegistry>();
        var experiment = await registry.CreateAsync(input, Cancel);
        using var end = ExperimentEnd.Watch(Host.Services).Of(experiment.Id);
        await registry.StartAsync(experiment.Id, Cancel);
        await end.WaitAsync();
        return await registry.GetAsync(experiment.Id, Cancel);
    }
}
