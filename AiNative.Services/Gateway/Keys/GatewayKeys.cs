using AiNative.Services.Data;
using AiNative.Services.Platform.Audit;
using AiNative.Services.Platform.Caching;
using AiNative.Services.Platform.Errors;
using AiNative.Services.Teams;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Gateway.Keys;

/// <summary>
/// The team's gateway keys: owners create and revoke them, every member sees them without their secrets.
/// The gateway checks a presented key through the <see cref="AccessCache"/>, which every change to a key
/// empties on all replicas, so a revocation counts on the next request here and within a second anywhere.
/// </summary>
public sealed class GatewayKeys(IDbContextFactory<PortalDbContext> dbFactory, TeamContext team, AuditTrail audit, AccessCache cache, TimeProvider clock)
{
    public const string AuditKind = "Gateway key";

    public const int MaxNameLength = 100;

    public const int MaxAllowedModels = 100;

    public async Task<IReadOnlyList<GatewayKeyInfo>> ListAsync(CancellationToken cancellationToken)
    {
        team.Require(TeamRole.Viewer);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var keys = await db.GatewayKeys.AsNoTracking().OrderBy(k => k.RevokedAt != null).ThenBy(k => k.Name).ToListAsync(cancellationToken);
        return [.. keys.Select(GatewayKeyInfo.Of)];
    }

    public async Task<CreatedGatewayKey> CreateAsync(GatewayKeyInput input, CancellationToken cancellationToken)
    {
        team.Require(TeamRole.Owner);
        var allowed = input.AllowedModels.Select(m => m.Trim()).Where(m => m.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        new Validation()
            .RequireText(input.Name, "Name", MaxNameLength)
            .Require(allowed.Count <= MaxAllowedModels, "AllowedModels", $"A key may name at most {MaxAllowedModels} routes or models.")
            .Require(input.RequestsPerMinute is null or > 0, "RequestsPerMinute", "Requests per minute must be at least 1, or empty for no limit.")
            .Require(input.TokensPerMinute is null or > 0, "TokensPerMinute", "Tokens per minute must be at least 1, or empty for no limit.")
            .Require(input.DailyBudget is null or > 0, "DailyBudget", "A daily budget must be more than 0 USD, or empty for none.")
            .Require(input.MonthlyBudget is null or > 0, "MonthlyBudget", "A monthly budget must be more than 0 USD, or empty for none.")
            .Require(input.LifetimeDays is null or > 0 and <= 3650, "LifetimeDays", "A key lives between 1 and 3,650 days, or without end.")
            .ThrowIfInvalid();

        var secret = GatewayKeySecret.Generate();
        var now = clock.GetUtcNow();
        var key = new GatewayKey
        {
            Name = input.Name.Trim(),
            SecretHash = GatewayKeySecret.Hash(secret),
            DisplayPrefix = GatewayKeySecret.DisplayPrefix(secret),
            AllowedModels = allowed,
            RequestsPerMinute = input.RequestsPerMinute,
            TokensPerMinute = input.TokensPerMinute,
            DailyBudget = input.DailyBudget is { } daily ? Money.Round(daily) : null,
            MonthlyBudget = input.MonthlyBudget is { } monthly ? Money.Round(monthly) : null,
            CreatedAt = now,
            CreatedBy = team.Actor.Name,
            ExpiresAt = input.LifetimeDays is { } days ? now.AddDays(days) : null,
        };
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.GatewayKeys.Add(key);
        audit.Record(db, team.TeamId, team.Actor, AuditAction.Created, AuditKind, key.Id, $"{key.Name} ({key.DisplayPrefix}…)", Describe(key));
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedGatewayKey(GatewayKeyInfo.Of(key), secret);
    }

    public async Task RevokeAsync(Guid keyId, CancellationToken cancellationToken)
    {
        team.Require(TeamRole.Owner);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var key = await db.GatewayKeys.SingleOrDefaultAsync(k => k.Id == keyId, cancellationToken) ?? throw new NotFoundException(AuditKind, keyId);
        if (key.RevokedAt is not null)
        {
            return;
        }

        key.RevokedAt = clock.GetUtcNow();
        audit.Record(db, team.TeamId, team.Actor, AuditAction.Deleted, AuditKind, key.Id, $"{key.Name} ({key.DisplayPrefix}…)", "revoked");
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The caller a presented key stands for, or why it is refused (unknown, revoked or expired).</summary>
    public async Task<GatewayKeyCheck> CheckAsync(string? presented, CancellationToken cancellationToken)
    {
        if (!GatewayKeySecret.LooksLikeKey(presented))
        {
            return GatewayKeyCheck.Refused("Incorrect API key provided. Use a gateway key (aigw_…) from the portal's Gateway page.");
        }

        var hash = GatewayKeySecret.Hash(presented!);
        var known = await cache.GetOrLoadAsync(("gateway-key", hash), ct => FindAsync(hash, ct), cancellationToken);
        if (known is null || known.Key.RevokedAt is not null)
        {
            return GatewayKeyCheck.Refused("Incorrect API key provided: the key is unknown or revoked.");
        }

        if (known.Key.ExpiresAt is { } expires && expires <= clock.GetUtcNow())
        {
            return GatewayKeyCheck.Refused($"The API key expired at {expires:u}. Ask a team owner for a new key.");
        }

        var key = known.Key;
        return new GatewayKeyCheck(
            new GatewayCaller(key.Id, key.Name, key.TeamId, known.TeamName, key.AllowedModels, key.RequestsPerMinute, key.TokensPerMinute,
                key.DailyBudget, key.MonthlyBudget, known.TeamLimits),
            null);
    }

    private async Task<KnownGatewayKey?> FindAsync(string hash, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        // The key names its team: no team is entered yet, so the team filter is lifted for this one lookup.
        return await db.GatewayKeys.AsNoTracking().IgnoreQueryFilters([PortalDbContext.TeamFilter])
            .Where(k => k.SecretHash == hash)
            .Join(db.Teams, k => k.TeamId, t => t.Id, (k, t) => new KnownGatewayKey(k, t.Name, new GatewayTeamLimits(t.GatewayRequestsPerMinute, t.GatewayTokensPerMinute)))
            .SingleOrDefaultAsync(cancellationToken);
    }

    private static string Describe(GatewayKey key)
    {
        var parts = new List<string>();
        if (key.AllowedModels.Count > 0)
        {
            parts.Add($"may call {string.Join(", ", key.AllowedModels)}");
        }

        if (key.RequestsPerMinute is { } rpm)
        {
            parts.Add($"{rpm} requests/min");
        }

        if (key.TokensPerMinute is { } tpm)
        {
            parts.Add($"{tpm} tokens/min");
        }

        if (key.DailyBudget is { } daily)
        {
            parts.Add($"{daily:0.####} USD/day");
        }

        if (key.MonthlyBudget is { } monthly)
        {
            parts.Add($"{monthly:0.####} USD/month");
        }

        return parts.Count == 0 ? "no limits" : string.Join("; ", parts);
    }

    // Kept in the access cache, which a change to the team empties: new team limits count from the next request.
    private sealed record KnownGatewayKey(GatewayKey Key, string TeamName, GatewayTeamLimits TeamLimits);
}
