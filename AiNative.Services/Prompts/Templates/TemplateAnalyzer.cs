using AiNative.Services.Platform.Errors;
using Microsoft.SemanticKernel;

namespace AiNative.Services.Prompts.Templates;

/// <summary>
/// Checks a version's templates in Semantic Kernel's syntax and finds their variables, saying
/// where each problem is (template, line, column).
/// </summary>
public static class TemplateAnalyzer
{
    public const string SystemTemplateField = "SystemTemplate";

    public const string UserTemplateField = "UserTemplate";

    private static readonly KernelPromptTemplateFactory Factory = new();

    public static TemplateAnalysis Analyze(string? systemTemplate, string? userTemplate)
    {
        var variables = new List<string>();
        var errors = new List<TemplateError>();
        AnalyzeOne(PromptTemplateKind.System, systemTemplate ?? string.Empty, variables, errors);
        AnalyzeOne(PromptTemplateKind.User, userTemplate ?? string.Empty, variables, errors);
        return new TemplateAnalysis(variables, errors);
    }

    /// <summary>Throws every template error as field errors of <c>SystemTemplate</c> and <c>UserTemplate</c>.</summary>
    public static void ThrowIfInvalid(TemplateAnalysis analysis)
    {
        var validation = new Validation();
        AddErrors(analysis, validation);
        validation.ThrowIfInvalid();
    }

    /// <summary>Adds the template errors to a validation that also checks other fields.</summary>
    public static void AddErrors(TemplateAnalysis analysis, Validation validation)
    {
        foreach (var error in analysis.Errors)
        {
            validation.Require(false, FieldOf(error.Template), error.ToString());
        }
    }

    public static string FieldOf(PromptTemplateKind template) =>
        template == PromptTemplateKind.System ? SystemTemplateField : UserTemplateField;

    private static void AnalyzeOne(PromptTemplateKind kind, string template, List<string> variables, List<TemplateError> errors)
    {
        if (template.Length > PromptRules.TemplateMaxLength)
        {
            errors.Add(new TemplateError(kind, 1, 1, $"The template must be at most {PromptRules.TemplateMaxLength} characters."));
            return;
        }

        var scan = TemplateScanner.Scan(template);
        var issues = new List<TemplateIssue>(scan.Issues);
        foreach (var block in scan.Blocks)
        {
            // SK treats variable names without regard to case, so {{$Question}} and {{$question}} are one variable.
            if (BlockReader.Read(block, issues) is { } name && !variables.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                variables.Add(name);
            }
        }

        if (issues.Count == 0)
        {
            issues.AddRange(ParsedBySemanticKernel(template));
        }

        foreach (var issue in issues.OrderBy(i => i.Offset))
        {
            var (line, column) = TextPosition.Of(template, issue.Offset);
            errors.Add(new TemplateError(kind, line, column, issue.Message));
        }
    }

    /// <summary>
    /// The template is also given to SK's parser, which renders it later, so that nothing is saved
    /// that SK refuses. SK's messages carry no position; such a problem is reported at the start.
    /// </summary>
    private static IEnumerable<TemplateIssue> ParsedBySemanticKernel(string template)
    {
        try
        {
            Factory.Create(new PromptTemplateConfig(template));
            return [];
        }
        catch (KernelException e)
        {
            return [new TemplateIssue(0, $"Semantic Kernel cannot parse this template: {e.Message}")];
        }
    }
}
