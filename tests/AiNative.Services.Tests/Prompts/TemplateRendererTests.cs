using AiNative.Services.Platform.Errors;
using AiNative.Services.Prompts;
using AiNative.Services.Prompts.Templates;

namespace AiNative.Services.Tests.Prompts;

public sealed class TemplateRendererTests
{
    private readonly TemplateRenderer _renderer = new();

    [Fact]
    public async Task Variables_without_a_value_take_their_defaults()
    {
        var templates = new PromptTemplates(
            "Context: {{$context}}",
            "Question: {{$question}}",
            [new() { Name = "context", DefaultValue = "The sky is blue." }, new() { Name = "question", DefaultValue = "What colour?" }]);

        var rendered = await _renderer.RenderAsync(templates, new Dictionary<string, string?> { ["QUESTION"] = "Which sky?" }, TestContext.Current.CancellationToken);

        Assert.Equal("Context: The sky is blue.", rendered.System);
        Assert.Equal("Question: Which sky?", rendered.User);
        Assert.Equal("Which sky?", rendered.Values["question"]);
    }

    [Fact]
    public async Task Values_render_verbatim_without_html_encoding_or_template_expansion()
    {
        const string value = "<b>bold</b> & \"quoted\" {{$other}}";
        var templates = new PromptTemplates(string.Empty, "Say {{$text}}", []);

        var rendered = await _renderer.RenderAsync(templates, new Dictionary<string, string?> { ["text"] = value }, TestContext.Current.CancellationToken);

        Assert.Equal($"Say {value}", rendered.User);
    }

    [Fact]
    public async Task Rendering_without_values_for_variables_that_have_no_default_names_every_one()
    {
        var templates = new PromptTemplates("{{$context}} {{$tone}}", "{{$question}}", [new() { Name = "tone", DefaultValue = "calm" }]);

        var failure = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            _renderer.RenderAsync(templates, new Dictionary<string, string?> { ["question"] = null }, TestContext.Current.CancellationToken));

        Assert.Equal(["Values.context", "Values.question"], failure.Errors.Keys.Order());
        Assert.Contains("'context'", failure.Message);
        Assert.Contains("'question'", failure.Message);
        Assert.DoesNotContain("'tone'", failure.Message);
    }

    [Fact]
    public async Task An_empty_value_is_a_value_and_an_empty_default_is_a_default()
    {
        var templates = new PromptTemplates("[{{$a}}]", "[{{$b}}]", [new() { Name = "b", DefaultValue = string.Empty }]);

        var rendered = await _renderer.RenderAsync(templates, new Dictionary<string, string?> { ["a"] = string.Empty }, TestContext.Current.CancellationToken);

        Assert.Equal(("[]", "[]"), (rendered.System, rendered.User));
    }

    [Fact]
    public async Task An_invalid_template_is_refused_with_its_place_before_anything_renders()
    {
        var templates = new PromptTemplates("Fine", "Call {{plugin.run}}", []);

        var failure = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            _renderer.RenderAsync(templates, new Dictionary<string, string?>(), TestContext.Current.CancellationToken));

        Assert.Equal([TemplateAnalyzer.UserTemplateField], failure.Errors.Keys);
        Assert.StartsWith("User template, line 1, column 8:", failure.Errors[TemplateAnalyzer.UserTemplateField][0]);
    }
}
