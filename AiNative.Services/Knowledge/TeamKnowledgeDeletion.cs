using AiNative.Services.Data;
using AiNative.Services.Knowledge.Search;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Knowledge;

/// <summary>
/// Deletes a team's knowledge bases, with their chunks, documents and keyword index, ahead of the team
/// itself. The database's cascade from the team reaches neither SQLite's keyword tables nor, on
/// SQLite, past a base's restricted reference to the team's embedding model, which the cascade may
/// delete first (the team's deletion then failed on a foreign key).
/// </summary>
internal static class TeamKnowledgeDeletion
{
    public static async Task DeleteAsync(PortalDbContext db, Guid teamId, CancellationToken cancellationToken)
    {
        var bases = await db.KnowledgeBases.IgnoreQueryFilters().Where(b => b.TeamId == teamId).Select(b => b.Id).ToListAsync(cancellationToken);
        foreach (var baseId in bases)
        {
            await KeywordIndexMaintenance.BaseDeletedAsync(db, baseId, cancellationToken);
        }

        await db.KnowledgeChunks.IgnoreQueryFilters().Where(c => c.TeamId == teamId).ExecuteDeleteAsync(cancellationToken);
        await db.KnowledgeDocuments.IgnoreQueryFilters().Where(d => d.TeamId == teamId).ExecuteDeleteAsync(cancellationToken);
        await db.KnowledgeBases.IgnoreQueryFilters().Where(b => b.TeamId == teamId).ExecuteDeleteAsync(cancellationToken);
    }
}
