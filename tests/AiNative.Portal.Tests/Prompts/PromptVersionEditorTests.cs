using AiNative.Portal.Client.Contracts;
using AiNative.Portal.Client.Contracts.Knowledge;
using AiNative.Portal.Client.Contracts.Prompts;
using AiNative.Portal.Components.Prompts;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace AiNative.Portal.Tests.Prompts;

public sealed class PromptVersionEditorTests : BunitContext
{
    private static readonly TimeSpan Debounce = TimeSpan.FromSeconds(5);

    private static readonly ChatModelOptionDto Model = new(Guid.NewGuid(), "offline-chat", "Offline (built in)", 1024, "Extractive responder.");

    private static readonly PromptVersionDto Latest = new(
        Guid.NewGuid(), 1, "Answer from {{$context}}.", "{{$question}}",
        [new PromptVariableDto("context", "Docs", "Source text"), new PromptVariableDto("question")],
        Model.Id, Model.Name, new PromptSettingsDto(0.2f), "First", DateTimeOffset.UtcNow, "Ada Admin");

    private static readonly KnowledgeBaseDto Handbook = new(
        Guid.NewGuid(), "Portal handbook", null, Guid.NewGuid(), "offline-embed", new PartitioningDto(400, 40, SplitterDto.Markdown),
        1, false, null, null, 4, 4, 0, 12, 900, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow);

    private readonly FakePromptsApi _api = new();

    public PromptVersionEditorTests()
    {
        Services.AddMudServices();
        Services.AddSingleton<IPromptsApi>(_api);
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    [Fact]
    public void The_editor_starts_from_the_latest_version_with_its_variables()
    {
        var editor = RenderEditor();

        Assert.Equal("Answer from {{$context}}.", editor.Find("textarea[data-testid=system-template]").GetAttribute("value"));
        Assert.Equal(["$context", "$question"], VariableNames(editor));
        Assert.Contains("Save as v2", editor.Markup);
    }

    [Fact]
    public void A_template_error_is_shown_under_its_template_with_line_and_column_while_typing()
    {
        var editor = RenderEditor();

        editor.Find("textarea[data-testid=user-template]").Input("Hello\n{{$question");

        editor.WaitForAssertion(
            () => Assert.Equal(
                "Line 2, column 1: This '{{' is not closed with '}}'. To write literal braces, put them in a quoted value: {{ '{{' }}.",
                editor.Find("[data-testid=user-template-errors] li").TextContent.Trim()),
            Debounce);
        Assert.Empty(editor.FindAll("[data-testid=system-template-errors]"));
    }

    [Fact]
    public void A_function_call_is_refused_in_the_system_template_with_its_place()
    {
        var editor = RenderEditor();

        editor.Find("textarea[data-testid=system-template]").Input("Now: {{time.now}}");

        editor.WaitForAssertion(
            () => Assert.StartsWith("Line 1, column 8: 'time.now' is a function call", editor.Find("[data-testid=system-template-errors] li").TextContent.Trim()),
            Debounce);
    }

    [Fact]
    public void Variables_appear_as_they_are_typed_and_keep_their_defaults()
    {
        var editor = RenderEditor();

        editor.Find("textarea[data-testid=user-template]").Input("{{$question}} in a {{$tone}} tone");
        editor.WaitForAssertion(() => Assert.Equal(["$context", "$question", "$tone"], VariableNames(editor)), Debounce);
        editor.Find("textarea[data-testid=system-template]").Input("No context for now.");
        editor.WaitForAssertion(() => Assert.Equal(["$question", "$tone"], VariableNames(editor)), Debounce);
        editor.Find("textarea[data-testid=system-template]").Input("Answer from {{$context}} again.");
        editor.WaitForAssertion(() => Assert.Equal(["$context", "$question", "$tone"], VariableNames(editor)), Debounce);

        Assert.Equal("Docs", editor.Find("[data-testid=variable-row] textarea").GetAttribute("value"));
    }

    [Fact]
    public void Variables_of_both_templates_typed_one_right_after_the_other_are_found()
    {
        var editor = RenderEditor();

        // The first template's pause redraws the form while the second one's pause is still running.
        editor.Find("textarea[data-testid=system-template]").Input("Write in a {{$tone}} tone.");
        editor.Find("textarea[data-testid=user-template]").Input("Explain labels to {{$audience}}.");

        editor.WaitForAssertion(() => Assert.Equal(["$tone", "$audience"], VariableNames(editor)), Debounce);
    }

    [Fact]
    public void Field_errors_from_the_server_are_shown_on_their_fields()
    {
        _api.SaveFailure = new ApiException(new ApiProblem(400, "The input is not valid", "Several problems.", new Dictionary<string, string[]>
        {
            ["MaxOutputTokens"] = ["'offline-chat' returns at most 1024 output tokens; lower the maximum to that or less."],
            ["CommitMessage"] = ["Enter a commitmessage."],
        }));
        var editor = RenderEditor();

        editor.FindAll("button").Single(b => b.TextContent.Contains("Save as v2", StringComparison.Ordinal)).Click();

        editor.WaitForAssertion(() =>
        {
            Assert.Contains("returns at most 1024 output tokens", editor.Markup);
            Assert.Contains("Enter a commitmessage.", editor.Markup);
        });
        Assert.Empty(_api.Saved);
    }

    [Fact]
    public void Saving_sends_the_templates_defaults_model_and_settings()
    {
        PromptVersionDto? saved = null;
        var editor = RenderEditor(version => saved = version);

        editor.FindAll("input").Single(i => i.GetAttribute("maxlength") == "500").Input("Second");
        editor.FindAll("button").Single(b => b.TextContent.Contains("Save as v2", StringComparison.Ordinal)).Click();

        editor.WaitForAssertion(() => Assert.NotNull(saved));
        var request = Assert.Single(_api.Saved);
        Assert.Equal(("Answer from {{$context}}.", "{{$question}}", "Second", Model.Id), (request.SystemTemplate, request.UserTemplate, request.CommitMessage, request.ModelId));
        Assert.Equal([new PromptVariableDto("context", "Docs", "Source text"), new PromptVariableDto("question")], request.Variables);
        Assert.Equal(0.2f, request.Settings.Temperature);
    }

    [Fact]
    public void Saving_at_once_after_typing_saves_the_text_typed_not_the_text_before_the_pause()
    {
        var editor = RenderEditor();

        // Save comes before the typing pause that finds the variables again: what is saved is still what was typed.
        editor.Find("textarea[data-testid=system-template]").Input("Answer in one short paragraph from {{$context}}.");
        editor.FindAll("input").Single(i => i.GetAttribute("maxlength") == "500").Input("Shorter");
        editor.FindAll("button").Single(b => b.TextContent.Contains("Save as v2", StringComparison.Ordinal)).Click();

        editor.WaitForAssertion(() => Assert.Equal("Answer in one short paragraph from {{$context}}.", Assert.Single(_api.Saved).SystemTemplate));
    }

    [Fact]
    public void A_new_version_starts_from_the_latest_versions_retrieval_and_saves_it()
    {
        var retrieval = new RetrievalSettingsDto(Handbook.Id, TopK: 3, MinRelevance: 0.3, Mode: SearchModeDto.Keyword, KnowledgeBaseName: Handbook.Name);
        var editor = RenderEditor(latest: Latest with { Retrieval = retrieval });

        Assert.Equal("Portal handbook", editor.Find("[data-testid=knowledge-base-picker]").GetAttribute("value"));
        editor.FindAll("input").Single(i => i.GetAttribute("maxlength") == "500").Input("Keep the handbook");
        editor.FindAll("button").Single(b => b.TextContent.Contains("Save as v2", StringComparison.Ordinal)).Click();

        editor.WaitForAssertion(() => Assert.Equal(retrieval with { KnowledgeBaseName = null }, Assert.Single(_api.Saved).Retrieval));
    }

    [Fact]
    public void Turning_retrieval_on_starts_from_question_and_context_and_shows_the_servers_field_errors()
    {
        _api.SaveFailure = new ApiException(new ApiProblem(400, "The input is not valid", "Several problems.", new Dictionary<string, string[]>
        {
            ["Retrieval.KnowledgeBaseId"] = ["The knowledge base was not found in this team. Pick one of the team's knowledge bases."],
        }));
        var editor = RenderEditor();
        Assert.Empty(editor.FindAll("[data-testid=knowledge-base-picker]"));

        editor.Find("[data-testid=retrieval-switch]").Change(true);
        editor.FindAll("button").Single(b => b.TextContent.Contains("Save as v2", StringComparison.Ordinal)).Click();

        editor.WaitForAssertion(() => Assert.Contains("Pick one of the team's knowledge bases.", editor.Find("[data-testid=retrieval-panel]").TextContent));
        Assert.Equal(("question", "context"), (editor.Find("[data-testid=query-variable-picker]").TextContent, editor.Find("[data-testid=context-variable-picker]").TextContent));
    }

    private static List<string> VariableNames(IRenderedComponent<PromptVersionEditor> editor) =>
        editor.FindAll("[data-testid=variable-row] .mud-chip").Select(c => c.TextContent.Trim()).ToList();

    private IRenderedComponent<PromptVersionEditor> RenderEditor(Action<PromptVersionDto>? onSaved = null, PromptVersionDto? latest = null)
    {
        var prompt = new PromptDetailsDto(Guid.NewGuid(), "Support answer", null, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, [latest ?? Latest], []);
        Render<MudPopoverProvider>();
        return Render<PromptVersionEditor>(parameters => parameters
            .Add(p => p.Prompt, prompt)
            .Add(p => p.Models, [Model])
            .Add(p => p.KnowledgeBases, [Handbook])
            .Add(p => p.OnSaved, EventCallback.Factory.Create<PromptVersionDto>(this, v => onSaved?.Invoke(v))));
    }
}
