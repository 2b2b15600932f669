using AiNative.Services.Data;
using AiNative.Services.Teams;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Models.Pipeline;

/// <summary>The current team's registered models through the <see cref="ModelCatalog"/>, with their providers.</summary>
public sealed class ModelLookup(IDbContextFactory<PortalDbContext> dbFactory, ModelCatalog catalog, TeamContext team)
{
    /// <summary>The model, or null when the team has none with this id. Treat it as read-only: it is shared.</summary>
    public ValueTask<ModelDefinition?> FindAsync(Guid modelId, CancellationToken cancellationToken) =>
        catalog.GetAsync(team.TeamId, modelId, async token =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(token);
            return await db.Models.AsNoTracking().Include(m => m.Provider).SingleOrDefaultAsync(m => m.Id == modelId, token);
        }, cancellationToken);
}
