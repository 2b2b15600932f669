using AiNative.Portal.Client.Components.Playground;
using AiNative.Portal.Client.Contracts.Knowledge;
using AiNative.Portal.Client.Contracts.Prompts;
using AiNative.Portal.Client.Contracts.Runs;

namespace AiNative.Portal.Tests.Playground;

public sealed class PlaygroundDraftTests
{
    private static readonly ChatModelOptionDto Model = new(Guid.NewGuid(), "fake-chat", "Fake", 4096, null);

    private static readonly PromptVersionDto Version = new(
        Guid.NewGuid(), 2, "Answer from {{$context}}.", "{{$question}}",
        [new PromptVariableDto("context", "Docs", "What to quote"), new PromptVariableDto("question")],
        Model.Id, Model.Name, new PromptSettingsDto(0.1f, null, 300), "Shorter", DateTimeOffset.UtcNow, "Ada Admin");

    private static readonly PromptDetailsDto Prompt = new(Guid.NewGuid(), "Support answer", null, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, [Version], []);

    [Fact]
    public void A_version_runs_with_its_defaults_model_and_settings_and_an_empty_value_without_default_is_not_given()
    {
        var draft = new PlaygroundDraft();

        draft.UseVersion(Prompt, Version, [Model]);

        var request = draft.ToRequest();
        Assert.Equal((Model.Id, Prompt.Id, 2, null, null), (request.ModelId, request.PromptId, request.PromptVersion, request.SystemTemplate, request.UserTemplate));
        Assert.Equal(new Dictionary<string, string?> { ["context"] = "Docs", ["question"] = null }, request.Values);
        Assert.Equal(new PromptSettingsDto(0.1f, null, 300), request.Settings);
    }

    [Fact]
    public void A_version_that_retrieves_asks_for_every_value_but_the_context_the_knowledge_base_fills()
    {
        var draft = new PlaygroundDraft();

        draft.UseVersion(Prompt, Version with { Retrieval = new RetrievalSettingsDto(Guid.NewGuid(), KnowledgeBaseName: "Portal handbook") }, [Model]);

        Assert.Equal(["question"], draft.InputVariables.Select(v => v.Name));
        Assert.Equal(["Values.question"], draft.MissingValues().Keys);
        var request = draft.ToRequest();
        Assert.Equal(new Dictionary<string, string?> { ["question"] = null }, request.Values);
        Assert.Null(request.Retrieval);
    }

    [Fact]
    public void An_ad_hoc_prompt_sends_the_knowledge_base_it_picked_and_starts_from_the_versions()
    {
        var handbook = new RetrievalSettingsDto(Guid.NewGuid(), TopK: 3, KnowledgeBaseName: "Portal handbook");
        var draft = new PlaygroundDraft();
        draft.UseVersion(Prompt, Version with { Retrieval = handbook }, [Model]);

        draft.EditAsAdHoc();
        draft.AdHocRetrieval.Mode = SearchModeDto.Keyword;

        var request = draft.ToRequest();
        Assert.Equal((null, "Answer from {{$context}}."), (request.PromptId, request.SystemTemplate));
        Assert.Equal(handbook with { Mode = SearchModeDto.Keyword, KnowledgeBaseName = null }, request.Retrieval);
        Assert.Equal(["question"], request.Values!.Keys);

        draft.AdHocRetrieval.Enabled = false;

        Assert.Null(draft.ToRequest().Retrieval);
        Assert.Equal(["context", "question"], draft.ToRequest().Values!.Keys);
    }

    [Fact]
    public void A_reopened_ad_hoc_run_restores_the_knowledge_base_it_retrieved_from()
    {
        var handbook = new RetrievalSettingsDto(Guid.NewGuid(), KnowledgeBaseName: "Portal handbook");
        var draft = new PlaygroundDraft();

        draft.UseRun(RunSamples.Details(RunSamples.Summary()) with { Retrieval = handbook }, prompt: null, [Model]);

        Assert.Equal(handbook with { KnowledgeBaseName = null }, draft.ToRequest().Retrieval);
        Assert.Equal("Portal handbook", draft.AdHocRetrieval.KnowledgeBaseName);
    }

    [Fact]
    public void A_prompt_starts_at_the_version_asked_for_else_production_else_its_latest()
    {
        var first = Version with { Number = 1 };
        var labelled = Prompt with { Versions = [Version, first], Labels = [new PromptLabelDto("production", 1)] };

        Assert.Equal(2, PlaygroundDraft.StartingVersion(labelled, 2)?.Number);
        Assert.Equal(1, PlaygroundDraft.StartingVersion(labelled, null)?.Number);
        Assert.Equal(2, PlaygroundDraft.StartingVersion(Prompt with { Versions = [Version, first] }, 7)?.Number);
        Assert.Null(PlaygroundDraft.StartingVersion(Prompt with { Versions = [] }, null));
    }

    [Fact]
    public void Another_version_keeps_the_values_typed_and_takes_its_own_defaults_for_the_rest()
    {
        var draft = new PlaygroundDraft();
        draft.UseVersion(Prompt, Version, [Model]);
        draft.Variables[1].Value = "Where are labels?";

        draft.UseVersion(Prompt, Version with { Number = 3, Variables = [new PromptVariableDto("context", "New docs"), new PromptVariableDto("question")] }, [Model]);

        Assert.Equal(["New docs", "Where are labels?"], draft.Variables.Select(v => v.Value));
        Assert.Equal(3, draft.Version);
    }

    [Fact]
    public void Ad_hoc_templates_keep_the_values_typed_for_variables_still_used()
    {
        var draft = new PlaygroundDraft { IsAdHoc = true, SystemTemplate = "Use {{$tone}}.", UserTemplate = "{{$question}}", ModelId = Model.Id };
        draft.UseVariables(["tone", "question"]);
        draft.Variables[1].Value = "Where are labels?";

        draft.UseVariables(["question", "audience"]);

        var request = draft.ToRequest();
        Assert.Equal(("Use {{$tone}}.", "{{$question}}", null), (request.SystemTemplate, request.UserTemplate, request.PromptId));
        Assert.Equal(new Dictionary<string, string?> { ["question"] = "Where are labels?", ["audience"] = null }, request.Values);
        Assert.Equal(["Values.audience"], draft.MissingValues().Keys);
    }

    [Fact]
    public void A_reopened_run_restores_its_version_values_model_and_settings()
    {
        var summary = RunSamples.Summary(promptId: Prompt.Id) with { ModelId = Model.Id };
        var draft = new PlaygroundDraft();

        draft.UseRun(RunSamples.Details(summary), Prompt, [Model]);

        Assert.Equal((false, Prompt.Id, (int?)2, (Guid?)Model.Id), (draft.IsAdHoc, draft.PromptId, draft.Version, draft.ModelId));
        Assert.Equal(["Docs", "Where are labels?"], draft.Variables.Select(v => v.Value));
        Assert.Equal((0.4f, 300), (draft.Temperature, draft.MaxOutputTokens));
    }

    [Fact]
    public void A_run_of_a_deleted_prompt_reopens_as_its_templates_and_the_first_model_stands_in_for_a_deleted_one()
    {
        var draft = new PlaygroundDraft();

        draft.UseRun(RunSamples.Details(RunSamples.Summary()), prompt: null, [Model]);

        Assert.True(draft.IsAdHoc);
        Assert.Equal(("You answer from {{$context}}.", "{{$question}}"), (draft.SystemTemplate, draft.UserTemplate));
        Assert.Equal(["context", "question"], draft.Variables.Select(v => v.Name));
        Assert.Equal("Where are labels?", draft.ToRequest().Values!["question"]);
        Assert.Equal(Model.Id, draft.ModelId);
    }
}
