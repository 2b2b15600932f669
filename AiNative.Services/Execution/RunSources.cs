using AiNative.Services.Data;
using AiNative.Services.Platform.Errors;
using AiNative.Services.Prompts.Retrieval;
using AiNative.Services.Prompts.Templates;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Execution;

/// <summary>
/// What a run renders: a saved version with its settings and knowledge base, or ad-hoc templates
/// with the knowledge base the request names, checked as a version's would be when saved.
/// </summary>
internal static class RunSources
{
    public static async Task<RunSource> ResolveAsync(PortalDbContext db, RunRequest request, CancellationToken cancellationToken)
    {
        if (request.PromptId is not { } promptId)
        {
            return await ResolveAdHocAsync(db, request, cancellationToken);
        }

        if (request.PromptVersion is not { } number)
        {
            throw new ValidationFailedException("PromptVersion", "Pick a version of the prompt, or a label that points at one.");
        }

        var found = await db.PromptVersions.AsNoTracking()
            .Where(v => v.PromptId == promptId && v.Number == number)
            .Select(v => new { Version = v, v.Prompt.Name })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Prompt version", $"{promptId} v{number}");
        var retrieval = found.Version.Retrieval;
        if (retrieval is not null)
        {
            // The base is kept by id without a foreign key (see RetrievalSettingsMapping), so it may be gone.
            var current = await RetrievalRules.BaseNameAsync(db, retrieval, cancellationToken)
                ?? throw new ValidationFailedException("PromptVersion",
                    $"The knowledge base this version names ('{retrieval.KnowledgeBaseName}') was deleted; pick another in a new version.");
            retrieval = retrieval with { KnowledgeBaseName = current };
        }

        return new RunSource(promptId, found.Name, number, PromptTemplates.Of(found.Version), found.Version.Settings, retrieval);
    }

    private static async Task<RunSource> ResolveAdHocAsync(PortalDbContext db, RunRequest request, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.SystemTemplate) && string.IsNullOrWhiteSpace(request.UserTemplate))
        {
            throw new ValidationFailedException(TemplateAnalyzer.UserTemplateField, "Pick a saved prompt, or write a system or user message.");
        }

        var templates = new PromptTemplates(request.SystemTemplate ?? string.Empty, request.UserTemplate ?? string.Empty, request.Variables);
        if (request.Retrieval is not { } asked)
        {
            return new RunSource(null, null, null, templates, null, null);
        }

        // Checked as a version's would be when saved, with the templates' own problems at the same time.
        var analysis = TemplateAnalyzer.Analyze(templates.SystemTemplate, templates.UserTemplate);
        var validation = new Validation();
        TemplateAnalyzer.AddErrors(analysis, validation);
        var retrieval = RetrievalRules.Check(asked, analysis.Variables, await RetrievalRules.BaseNameAsync(db, asked, cancellationToken), validation);
        validation.ThrowIfInvalid();
        return new RunSource(null, null, null, templates, null, retrieval);
    }
}
