using AiNative.Services.Platform.Errors;
using Microsoft.SemanticKernel;

namespace AiNative.Services.Prompts.Templates;

/// <summary>
/// Renders templates with Semantic Kernel. Values go in verbatim: SK would HTML-encode them for
/// its chat-XML prompt format, but the portal sends the system and user messages as they are and
/// never parses rendered text as markup, so encoding would only corrupt values such as code.
/// </summary>
public sealed class TemplateRenderer
{
    private readonly KernelPromptTemplateFactory _factory = new() { AllowDangerouslySetContent = true };

    // Prompts may not call functions (the analyzer refuses them), so rendering needs no plugins.
    private readonly Kernel _kernel = new();

    /// <summary>
    /// Renders both templates. A variable takes its value from <paramref name="values"/> (any
    /// case; null means not given), else its default; a variable with neither is an error.
    /// </summary>
    public async Task<RenderedPrompt> RenderAsync(
        PromptTemplates templates,
        IReadOnlyDictionary<string, string?> values,
        CancellationToken cancellationToken)
    {
        var resolved = Resolve(templates, values);
        var arguments = new KernelArguments();
        foreach (var (name, value) in resolved)
        {
            arguments[name] = value;
        }

        return new RenderedPrompt(
            await RenderOneAsync(templates.SystemTemplate, arguments, cancellationToken),
            await RenderOneAsync(templates.UserTemplate, arguments, cancellationToken),
            resolved);
    }

    /// <summary>
    /// The value each variable of the templates would take, as <see cref="RenderAsync"/> finds it;
    /// throws the templates' errors and the missing values as field errors.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Resolve(PromptTemplates templates, IReadOnlyDictionary<string, string?> values)
    {
        var analysis = TemplateAnalyzer.Analyze(templates.SystemTemplate, templates.UserTemplate);
        TemplateAnalyzer.ThrowIfInvalid(analysis);
        return Resolve(analysis.Variables, templates.Variables, values);
    }

    private static Dictionary<string, string> Resolve(
        IReadOnlyList<string> used,
        IReadOnlyList<PromptVariable> definitions,
        IReadOnlyDictionary<string, string?> values)
    {
        var given = new Dictionary<string, string?>(values, StringComparer.OrdinalIgnoreCase);
        var defaults = definitions.ToDictionary(d => d.Name, d => d.DefaultValue, StringComparer.OrdinalIgnoreCase);
        var resolved = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var missing = new Validation();
        foreach (var name in used)
        {
            var value = given.GetValueOrDefault(name) ?? defaults.GetValueOrDefault(name);
            missing.Require(value is not null, $"Values.{name}", $"Enter a value for '{name}'; it has no default.");
            resolved[name] = value ?? string.Empty;
        }

        missing.ThrowIfInvalid();
        return resolved;
    }

    private Task<string> RenderOneAsync(string template, KernelArguments arguments, CancellationToken cancellationToken) =>
        _factory.Create(new PromptTemplateConfig(template)).RenderAsync(_kernel, arguments, cancellationToken);
}
