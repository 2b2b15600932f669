using AiNative.Services.Experiments;
using AiNative.Services.Experiments.Planning;
using AiNative.Services.Models;
using AiNative.Services.Platform.Errors;
using AiNative.Services.Prompts;
using AiNative.Services.Teams;
using AiNative.Testing;

namespace AiNative.Services.Tests.Experiments;

public sealed class ExperimentPlanningTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_estimate_counts_the_calls_and_prices_the_rendered_prompts_and_expected_answers()
    {
        await using var host = await ServicesHost.StartAsync();
        await using var scope = host.InTeam(await host.DemoTeamIdAsync());
        var model = await scope.AddOpenAiCompatibleModelAsync("http://127.0.0.1:9/v1", FakeOpenAiServer.ChatModel, inputPrice: 1m, outputPrice: 2m, maxOutputTokens: 1_000);
        var prompt = await scope.PromptAsync(model.Id, "Answer.", "Answer in one word.");
        var dataset = await scope.QuestionsAsync(("What is the capital of France?", "Paris"), ("What is the capital of Italy?", "Rome"), ("And Spain?", "Madrid"));
        var counter = scope.Get<TokenCounter>();

        var estimate = await scope.Get<ExperimentRegistry>().EstimateAsync(ExperimentArrangements.Input(dataset.Id, prompt), Cancel);

        long Prompt(string system, string question) =>
            counter.Count([new(Microsoft.Extensions.AI.ChatRole.System, system), new(Microsoft.Extensions.AI.ChatRole.User, question)]);
        string[] questions = ["What is the capital of France?", "What is the capital of Italy?", "And Spain?"];
        var input = questions.Sum(q => Prompt("Answer.", q));
        var output = counter.Count("Paris") + counter.Count("Rome") + counter.Count("Madrid");
        Assert.Equal((3, 6), (estimate.Items, estimate.Calls));
        Assert.Equal((input, output), (estimate.Variants[0].InputTokens, estimate.Variants[0].OutputTokens));
        Assert.Equal(model.CostOf(input, output), estimate.Variants[0].EstimatedCost);
        Assert.Equal(model.CostOf(input, 3 * 1_000), estimate.Variants[0].MaxCost);
        Assert.Equal(estimate.Variants.Sum(v => v.EstimatedCost), estimate.EstimatedCost);
        Assert.True(estimate.Variants.All(v => v.Priced));
    }

    [Fact]
    public async Task A_variable_the_prompt_needs_that_items_lack_is_refused_naming_the_variable_the_prompt_and_the_dataset()
    {
        await using var host = await ServicesHost.StartAsync();
        await using var scope = host.InTeam(await host.DemoTeamIdAsync());
        var model = await scope.AddOpenAiCompatibleModelAsync("http://127.0.0.1:9/v1", FakeOpenAiServer.ChatModel);
        var prompt = await scope.Get<PromptRegistry>().CreateAsync("Tone", null, Cancel);
        await scope.Get<PromptVersions>().CreateAsync(prompt.Id, new NewPromptVersion("Be {{$tone}}.", "{{$question}}", [], model.Id, new GenerationSettings(), "v1"), Cancel);
        await scope.Get<PromptVersions>().CreateAsync(prompt.Id, new NewPromptVersion("Be kind.", "{{$question}}", [], model.Id, new GenerationSettings(), "v2"), Cancel);
        var dataset = await scope.QuestionsAsync(("q1", "a1"), ("q2", "a2"));

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            scope.Get<ExperimentRegistry>().CreateAsync(ExperimentArrangements.Input(dataset.Id, prompt.Id), Cancel));

        var message = Assert.Single(refused.Errors["Variants[0].PromptVersion"]);
        Assert.StartsWith("Version 1 of 'Tone' needs the variable 'tone', which 2 of the 2 items of 'Questions", message);
        Assert.Contains("(#1, #2)", message);
        Assert.False(refused.Errors.ContainsKey("Variants[1].PromptVersion"));
        Assert.Empty(await scope.Get<ExperimentRegistry>().ListAsync(Cancel));
    }

    [Fact]
    public async Task Bad_input_is_refused_with_every_problem_naming_its_field()
    {
        await using var host = await ServicesHost.StartAsync();
        await using var scope = host.InTeam(await host.DemoTeamIdAsync());
        var model = await scope.AddOpenAiCompatibleModelAsync("http://127.0.0.1:9/v1", FakeOpenAiServer.ChatModel);
        var embedding = await scope.OfflineModelAsync("offline-embed");
        var prompt = await scope.PromptAsync(model.Id, "One");
        var empty = await scope.Get<AiNative.Services.Datasets.DatasetRegistry>().CreateAsync("Empty", null, Cancel);
        var input = new ExperimentInput
        {
            Name = " ",
            DatasetId = empty.Id,
            Variants =
            [
                new VariantInput { PromptId = prompt, PromptVersion = 7 },
                new VariantInput { PromptId = prompt, PromptLabel = "staging" },
                new VariantInput { PromptId = prompt, PromptVersion = 1, ModelId = embedding.Id, Temperature = 3 },
                new VariantInput { PromptId = Guid.NewGuid(), PromptVersion = 1 },
            ],
            BaselineIndex = 4,
            EvaluatorIds = [Guid.NewGuid()],
            CostCap = 0,
        };

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => scope.Get<ExperimentRegistry>().CreateAsync(input, Cancel));

        Assert.Equal(
            ["BaselineIndex", "CostCap", "DatasetVersion", "EvaluatorIds", "Name", "Variants[0].PromptVersion", "Variants[1].PromptLabel",
             "Variants[2].ModelId", "Variants[2].Temperature", "Variants[3].PromptId"],
            refused.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("'Empty' has no items yet. Add or import items, then run the experiment on them.", refused.Errors["DatasetVersion"][0]);
        Assert.Equal("'offline-embed' is an embedding model; choose a chat model.", refused.Errors["Variants[2].ModelId"][0]);
        Assert.Contains("is labelled 'staging'", refused.Errors["Variants[1].PromptLabel"][0]);
    }

    [Fact]
    public async Task A_label_is_resolved_to_its_version_and_variants_are_named_after_prompt_and_model()
    {
        await using var host = await ServicesHost.StartAsync();
        await using var scope = host.InTeam(await host.DemoTeamIdAsync());
        var model = await scope.AddOpenAiCompatibleModelAsync("http://127.0.0.1:9/v1", FakeOpenAiServer.ChatModel);
        var other = await scope.AddOpenAiCompatibleModelAsync("http://127.0.0.1:9/v1", FakeOpenAiServer.ChatModel);
        var prompt = await scope.PromptAsync(model.Id, "One", "Two");
        await scope.Get<PromptLabels>().MoveAsync(prompt, LabelNames.Production, 2, Cancel);
        var dataset = await scope.QuestionsAsync(("q1", "a1"));
        var input = ExperimentArrangements.Input(dataset.Id, prompt) with
        {
            Variants =
            [
                new VariantInput { PromptId = prompt, PromptLabel = LabelNames.Production },
                new VariantInput { PromptId = prompt, PromptVersion = 2, ModelId = other.Id, Temperature = 0.5f },
            ],
            BaselineIndex = 1,
        };

        var experiment = await scope.Get<ExperimentRegistry>().CreateAsync(input, Cancel);

        var (first, second) = (experiment.Variants[0], experiment.Variants[1]);
        Assert.Equal((2, "production", model.Id, false), (first.PromptVersion, first.PromptLabel, first.ModelId, first.IsBaseline));
        Assert.Equal((2, other.Id, true, true, 0.5f), (second.PromptVersion, second.ModelId, second.ModelOverridden, second.IsBaseline, second.Settings.Temperature));
        Assert.Equal($"{first.PromptName} v2 · {model.Name}", first.Name);
        Assert.Equal(ExperimentStatus.Draft, experiment.Status);
        Assert.Equal(2, experiment.EstimatedCalls);
    }

    [Fact]
    public async Task Variants_alike_get_names_of_their_own_and_a_name_given_twice_is_refused()
    {
        await using var host = await ServicesHost.StartAsync();
        await using var scope = host.InTeam(await host.DemoTeamIdAsync());
        var model = await scope.AddOpenAiCompatibleModelAsync("http://127.0.0.1:9/v1", FakeOpenAiServer.ChatModel);
        var prompt = await scope.PromptAsync(model.Id, "One");
        var dataset = await scope.QuestionsAsync(("q1", "a1"));
        var alike = new VariantInput { PromptId = prompt, PromptVersion = 1 };
        var registry = scope.Get<ExperimentRegistry>();

        var experiment = await registry.CreateAsync(ExperimentArrangements.Input(dataset.Id, prompt) with { Variants = [alike, alike with { Temperature = 0.9f }] }, Cancel);
        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => registry.EstimateAsync(
            ExperimentArrangements.Input(dataset.Id, prompt) with { Variants = [alike with { Name = "Same" }, alike with { Name = "same" }] }, Cancel));

        var name = $"{experiment.Variants[0].PromptName} v1 · {model.Name}";
        Assert.Equal([name, $"{name} #2"], experiment.Variants.Select(v => v.Name));
        Assert.Equal("Another variant is named 'same'; give each a name of its own.", Assert.Single(refused.Errors["Variants[1].Name"]));
    }

    [Fact]
    public async Task A_viewer_reads_experiments_but_may_not_estimate_create_or_start_one()
    {
        await using var host = await ServicesHost.StartAsync();
        var team = await host.DemoTeamIdAsync();
        await using var scope = host.InTeam(team, TeamRole.Viewer);
        var registry = scope.Get<ExperimentRegistry>();
        var input = new ExperimentInput { Name = "Mine" };

        Assert.Empty(await registry.ListAsync(Cancel));
        await Assert.ThrowsAsync<ForbiddenException>(() => registry.EstimateAsync(input, Cancel));
        await Assert.ThrowsAsync<ForbiddenException>(() => registry.CreateAsync(input, Cancel));
        await Assert.ThrowsAsync<ForbiddenException>(() => registry.StartAsync(Guid.NewGuid(), Cancel));
    }
}
