using AiNative.Services.Prompts.Templates;
using Microsoft.SemanticKernel;

namespace AiNative.Services.Tests.Prompts;

public sealed class TemplateAnalyzerTests
{
    [Fact]
    public void Variables_are_found_in_both_templates_in_order_of_first_use_without_repeats()
    {
        var analysis = TemplateAnalyzer.Analyze("Use {{$context}} and {{ $tone }}.", "{{$question}} in {{$Tone}} for {{$context}}");

        Assert.True(analysis.IsValid);
        Assert.Equal(["context", "tone", "question"], analysis.Variables);
    }

    [Fact]
    public void Variables_found_match_what_semantic_kernel_detects()
    {
        const string template = "Answer {{$question}} from {{$context}}; quote {{ '{{literal}}' }} and {{$question}}.";
        var config = new PromptTemplateConfig(template);
        new KernelPromptTemplateFactory().Create(config);

        var analysis = TemplateAnalyzer.Analyze(template, string.Empty);

        Assert.Equal(config.InputVariables.Select(v => v.Name), analysis.Variables);
    }

    [Fact]
    public void Unclosed_braces_are_reported_with_template_line_and_column()
    {
        var analysis = TemplateAnalyzer.Analyze("Fine {{$a}}", "First line\nSecond {{$question and more");

        var error = Assert.Single(analysis.Errors);
        Assert.Equal(PromptTemplateKind.User, error.Template);
        Assert.Equal((2, 8), (error.Line, error.Column));
        Assert.Contains("not closed", error.Message);
        Assert.StartsWith("User template, line 2, column 8:", error.ToString());
    }

    [Fact]
    public void A_block_abandoned_for_a_later_one_is_reported_and_the_later_variable_still_found()
    {
        var analysis = TemplateAnalyzer.Analyze("{{ oops {{$name}}", string.Empty);

        var error = Assert.Single(analysis.Errors);
        Assert.Equal((1, 1), (error.Line, error.Column));
        Assert.Equal(["name"], analysis.Variables);
    }

    [Theory]
    [InlineData("Hi {{$1st}}", 1, 6, "not a valid variable name")]
    [InlineData("Hi {{$na-me}}", 1, 6, "not a valid variable name")]
    [InlineData("Hi\n  {{ $ }}", 2, 6, "must be followed by a variable name")]
    [InlineData("Hi {{}}", 1, 4, "empty")]
    [InlineData("Hi {{$a $b}}", 1, 9, "one variable")]
    [InlineData("Hi {{'open}}", 1, 6, "no closing '")]
    [InlineData("Hi {{'a'b}}", 1, 9, "Nothing may follow a quoted value")]
    public void Invalid_blocks_are_reported_where_they_are(string template, int line, int column, string message)
    {
        var error = Assert.Single(TemplateAnalyzer.Analyze(template, string.Empty).Errors);

        Assert.Equal(PromptTemplateKind.System, error.Template);
        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.Contains(message, error.Message);
    }

    [Theory]
    [InlineData("Time: {{time.now}}", 9, "'time.now' is a function call")]
    [InlineData("Ask: {{ ask $question }}", 9, "'ask' is a function call")]
    [InlineData("Search: {{search query='x y'}}", 11, "'search' is a function call")]
    public void Function_calls_are_refused_where_they_are_because_prompts_have_no_plugins(string template, int column, string message)
    {
        var error = Assert.Single(TemplateAnalyzer.Analyze(string.Empty, template).Errors);

        Assert.Equal((1, column), (error.Line, error.Column));
        Assert.Contains(message, error.Message);
        Assert.Contains("cannot call functions or plugins", error.Message);
    }

    [Theory]
    [InlineData("Literal {{ '{{' }} braces")]
    [InlineData("Escaped {{ 'it\\'s' }} quote")]
    [InlineData("JSON: {\"a\": {\"b\": 1}} and {{$x}}")]
    [InlineData("Brace before a block: {{{$x}}}")]
    [InlineData("")]
    public void Valid_templates_have_no_errors(string template) =>
        Assert.Empty(TemplateAnalyzer.Analyze(template, template).Errors);

    [Fact]
    public void Every_problem_of_both_templates_is_reported_at_once()
    {
        var analysis = TemplateAnalyzer.Analyze("{{$ok}} {{bad.call}} {{$1}}", "{{ $fine }} {{");

        Assert.Equal(3, analysis.Errors.Count);
        Assert.Equal([PromptTemplateKind.System, PromptTemplateKind.System, PromptTemplateKind.User], analysis.Errors.Select(e => e.Template));
        Assert.Equal(["ok", "fine"], analysis.Variables);
    }
}
