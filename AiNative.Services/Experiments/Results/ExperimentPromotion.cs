using AiNative.Services.Data;
using AiNative.Services.Platform.Errors;
using AiNative.Services.Prompts;
using AiNative.Services.Teams;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Experiments.Results;

/// <summary>
/// Promotes a variant: moves a label of its prompt (production unless another is named) to the variant's version,
/// through <see cref="PromptLabels"/>, which records the move in the audit trail.
/// </summary>
public sealed class ExperimentPromotion(IDbContextFactory<PortalDbContext> dbFactory, TeamContext team, PromptLabels labels)
{
    public const string DefaultLabel = "production";

    public async Task<Promotion> PromoteAsync(Guid experimentId, Guid variantId, string? label, CancellationToken cancellationToken)
    {
        team.Require(TeamRole.Editor);
        var name = string.IsNullOrWhiteSpace(label) ? DefaultLabel : label.Trim();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var variant = await db.ExperimentVariants.AsNoTracking().SingleOrDefaultAsync(v => v.Id == variantId && v.ExperimentId == experimentId, cancellationToken)
            ?? throw new NotFoundException(ExperimentRegistry.AuditKind, experimentId);
        var previous = await db.PromptLabels.AsNoTracking().Where(l => l.PromptId == variant.PromptId && l.Name == name)
            .Select(l => (int?)l.Version.Number).SingleOrDefaultAsync(cancellationToken);
        await labels.MoveAsync(variant.PromptId, name, variant.PromptVersion, cancellationToken);
        return new Promotion(variant.PromptId, variant.PromptName, name, previous, variant.PromptVersion);
    }
}
