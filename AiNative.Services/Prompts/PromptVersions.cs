using AiNative.Services.Data;
using AiNative.Services.Models;
using AiNative.Services.Models.Offline;
using AiNative.Services.Platform.Audit;
using AiNative.Services.Platform.Errors;
using AiNative.Services.Prompts.Retrieval;
using AiNative.Services.Prompts.Templates;
using AiNative.Services.Teams;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Prompts;

/// <summary>Saves new versions of a prompt (there is no way to change one) and reads them.</summary>
public sealed class PromptVersions(
    IDbContextFactory<PortalDbContext> dbFactory,
    TeamContext team,
    AuditTrail audit,
    TimeProvider clock)
{
    public const string AuditKind = "PromptVersion";

    public async Task<PromptVersion> GetAsync(Guid promptId, int number, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.PromptVersions.AsNoTracking()
            .Include(v => v.Model)
            .SingleOrDefaultAsync(v => v.PromptId == promptId && v.Number == number, cancellationToken)
            ?? throw new NotFoundException("Prompt version", $"{promptId} v{number}");
    }

    /// <summary>The team's chat models, which a version may name.</summary>
    public async Task<IReadOnlyList<ChatModelChoice>> ListChatModelsAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Models.AsNoTracking()
            .Where(m => m.Kind == ModelKind.Chat)
            .OrderBy(m => m.Name)
            .Select(m => new ChatModelChoice(
                m.Id,
                m.Name,
                m.Provider.Name,
                m.MaxOutputTokens,
                m.Provider.Kind == ProviderKind.Offline ? OfflineModels.ChatDescription : null))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Saves the next version after checking its templates, variables, model, settings and retrieval;
    /// every problem is reported at once, and nothing is saved unless all is well.
    /// </summary>
    public async Task<PromptVersion> CreateAsync(Guid promptId, NewPromptVersion input, CancellationToken cancellationToken)
    {
        team.Require(TeamRole.Editor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var prompt = await db.Prompts.SingleOrDefaultAsync(p => p.Id == promptId, cancellationToken)
            ?? throw new NotFoundException(PromptRegistry.AuditKind, promptId);
        var model = input.ModelId is { } modelId
            ? await db.Models.AsNoTracking().SingleOrDefaultAsync(m => m.Id == modelId, cancellationToken)
            : null;

        var analysis = TemplateAnalyzer.Analyze(input.SystemTemplate, input.UserTemplate);
        var validation = new Validation();
        TemplateAnalyzer.AddErrors(analysis, validation);
        VersionRules.CheckVariables(input.Variables, analysis.Variables, validation);
        VersionRules.CheckModel(input.ModelId, model, validation);
        VersionRules.CheckSettings(input.Settings, model, validation);
        var retrieval = input.Retrieval is { } asked
            ? RetrievalRules.Check(asked, analysis.Variables, await RetrievalRules.BaseNameAsync(db, asked, cancellationToken), validation)
            : null;
        validation.RequireText(input.CommitMessage, "CommitMessage", PromptRules.CommitMessageMaxLength);
        validation.ThrowIfInvalid();

        var number = (await db.PromptVersions.Where(v => v.PromptId == promptId).MaxAsync(v => (int?)v.Number, cancellationToken) ?? 0) + 1;
        var now = clock.GetUtcNow();
        var version = new PromptVersion
        {
            PromptId = promptId,
            Number = number,
            SystemTemplate = input.SystemTemplate ?? string.Empty,
            UserTemplate = input.UserTemplate ?? string.Empty,
            Variables = VersionRules.VariablesOf(analysis.Variables, input.Variables),
            ModelId = model?.Id,
            Settings = input.Settings,
            Retrieval = retrieval,
            CommitMessage = input.CommitMessage.Trim(),
            CreatedAt = now,
            CreatedBy = team.Actor.Name,
        };
        db.PromptVersions.Add(version);
        prompt.UpdatedAt = now;
        audit.Record(db, AuditAction.Created, AuditKind, version.Id, $"{prompt.Name} v{number}", version.CommitMessage);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e)
        {
            // Two editors saving at once both take the next number; the unique index lets one win.
            if (await db.PromptVersions.AnyAsync(v => v.PromptId == promptId && v.Number == number, cancellationToken))
            {
                throw new ConflictException($"Someone else saved version {number} of '{prompt.Name}' a moment ago. Reload the prompt and save again.", e);
            }

            throw;
        }

        return version;
    }
}
