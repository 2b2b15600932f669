using AiNative.Services.Data;
using AiNative.Services.Knowledge.Search;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Knowledge;

/// <summary>
/// Before a team is deleted: drops the keyword index of each of its knowledge bases, which the
/// database's cascade from the team to the bases and chunks does not reach (SQLite's tables per base).
/// </summary>
internal static class TeamKnowledgeDeletion
{
    public static async Task DeleteKeywordIndexesAsync(PortalDbContext db, Guid teamId, CancellationToken cancellationToken)
    {
        var bases = await db.KnowledgeBases.IgnoreQueryFilters().Where(b => b.TeamId == teamId).Select(b => b.Id).ToListAsync(cancellationToken);
        foreach (var baseId in bases)
        {
            await KeywordIndexMaintenance.BaseDeletedAsync(db, baseId, cancellationToken);
        }
    }
}
