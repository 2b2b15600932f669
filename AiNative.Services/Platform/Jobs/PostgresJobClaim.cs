using AiNative.Services.Data;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Platform.Jobs;

/// <summary>
/// PostgreSQL's claim: one statement that locks the next due job with <c>FOR UPDATE SKIP LOCKED</c> and
/// takes its lease, so workers on every replica each take a different job and never wait on one another's rows.
/// </summary>
internal static class PostgresJobClaim
{
    public static async Task<ClaimedJob?> TryClaimAsync(PortalDbContext db, string owner, DateTimeOffset now, DateTimeOffset expires, CancellationToken cancellationToken)
    {
        var queued = nameof(JobStatus.Queued);
        var running = nameof(JobStatus.Running);

        // Not composed further (no FirstOrDefault): a data-modifying WITH must stay the statement's top level.
        var rows = await db.Database.SqlQuery<ClaimedRow>($"""
            WITH claimed AS (
                UPDATE "Jobs"
                SET "Status" = {running}, "LeaseOwner" = {owner}, "LeaseExpiresAt" = {expires}, "Attempts" = "Attempts" + 1, "StartedAt" = {now}
                WHERE "Id" = (
                    SELECT "Id" FROM "Jobs"
                    WHERE ("Status" = {queued} AND "AvailableAt" <= {now}) OR ("Status" = {running} AND "LeaseExpiresAt" < {now})
                    ORDER BY "AvailableAt"
                    LIMIT 1
                    FOR UPDATE SKIP LOCKED)
                RETURNING "Id", "TeamId", "Kind", "Payload", "Attempts")
            SELECT claimed."Id", claimed."TeamId", t."Name" AS "TeamName", claimed."Kind", claimed."Payload", claimed."Attempts"
            FROM claimed JOIN "Teams" AS t ON t."Id" = claimed."TeamId"
            """).ToListAsync(cancellationToken);
        return rows.SingleOrDefault() is { } row ? new ClaimedJob(row.Id, row.TeamId, row.TeamName, row.Kind, row.Payload, row.Attempts, expires) : null;
    }

    private sealed class ClaimedRow
    {
        public Guid Id { get; init; }

        public Guid TeamId { get; init; }

        public required string TeamName { get; init; }

        public required string Kind { get; init; }

        public required string Payload { get; init; }

        public int Attempts { get; init; }
    }
}
