using AiNative.Services.Data;
using AiNative.Services.Platform.Audit;
using AiNative.Services.Platform.Caching;
using AiNative.Services.Platform.Errors;
using AiNative.Services.Teams;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Platform.AccessTokens;

/// <summary>
/// Personal access tokens: a user creates and revokes their own, and the API accepts them in
/// place of the sign-in cookie, with the same roles. Creation and revocation are audited
/// portal-wide, by name and prefix only.
/// </summary>
public sealed class PersonalAccessTokens(IDbContextFactory<PortalDbContext> dbFactory, AuditTrail audit, AccessCache cache, TimeProvider clock)
{
    public const string AuditKind = "Access token";

    public const int MaxNameLength = 100;

    /// <summary>How long a token may live; every token expires, so a forgotten one stops working by itself.</summary>
    public static IReadOnlyList<int> LifetimeDays { get; } = [7, 30, 90, 365];

    /// <summary>Writing "last used" on every call would turn each API read into a write; once a minute is precise enough.</summary>
    private static readonly TimeSpan LastUsedPrecision = TimeSpan.FromMinutes(1);

    public async Task<IReadOnlyList<AccessTokenInfo>> ListAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.PersonalAccessTokens.AsNoTracking()
            .Where(t => t.UserId == userId)
            .OrderByDescending(t => t.CreatedAt)
            .Select(t => new AccessTokenInfo(t.Id, t.Name, t.DisplayPrefix, t.CreatedAt, t.ExpiresAt, t.RevokedAt, t.LastUsedAt))
            .ToListAsync(cancellationToken);
    }

    public async Task<CreatedAccessToken> CreateAsync(Guid userId, string name, int lifetimeDays, CancellationToken cancellationToken)
    {
        new Validation()
            .RequireText(name, "Name", MaxNameLength)
            .Require(LifetimeDays.Contains(lifetimeDays), "LifetimeDays", $"Choose how long the token lives: {string.Join(", ", LifetimeDays)} days.")
            .ThrowIfInvalid();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var actor = await Administrators.ActorAsync(db, userId, cancellationToken);
        var secret = AccessTokenSecret.Generate();
        var now = clock.GetUtcNow();
        var token = new PersonalAccessToken
        {
            UserId = userId,
            Name = name.Trim(),
            SecretHash = AccessTokenSecret.Hash(secret),
            DisplayPrefix = AccessTokenSecret.DisplayPrefix(secret),
            CreatedAt = now,
            ExpiresAt = now.AddDays(lifetimeDays),
        };
        db.PersonalAccessTokens.Add(token);
        audit.Record(db, null, actor, AuditAction.Created, AuditKind, token.Id, $"{token.Name} ({token.DisplayPrefix}…)",
            $"expires {token.ExpiresAt:yyyy-MM-dd}");
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedAccessToken(Info(token), secret);
    }

    /// <summary>Revokes one of the user's tokens; another user's token answers not found.</summary>
    public async Task RevokeAsync(Guid userId, Guid tokenId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var token = await db.PersonalAccessTokens.SingleOrDefaultAsync(t => t.Id == tokenId && t.UserId == userId, cancellationToken)
            ?? throw new NotFoundException(AuditKind, tokenId);
        if (token.RevokedAt is not null)
        {
            return;
        }

        var actor = await Administrators.ActorAsync(db, userId, cancellationToken);
        token.RevokedAt = clock.GetUtcNow();
        audit.Record(db, null, actor, AuditAction.Deleted, AuditKind, token.Id, $"{token.Name} ({token.DisplayPrefix}…)", "revoked");
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Checks a presented token: its hash must match a token that is not revoked nor expired, of an
    /// account that an administrator has not locked. The token is read through the access cache, so
    /// a revocation or a lock in this process counts at once and one elsewhere within a second.
    /// </summary>
    public async Task<AccessTokenCheck> CheckAsync(string presented, CancellationToken cancellationToken)
    {
        if (!AccessTokenSecret.LooksLikeToken(presented))
        {
            return AccessTokenCheck.InvalidOrRevoked;
        }

        var hash = AccessTokenSecret.Hash(presented);
        var token = await cache.GetOrLoadAsync(("access-token", hash), ct => FindAsync(hash, ct), cancellationToken);
        if (token is null || token.RevokedAt is not null || AccountLocks.IsLockedByAdministrator(token.LockoutEnd))
        {
            return AccessTokenCheck.InvalidOrRevoked;
        }

        var now = clock.GetUtcNow();
        if (token.ExpiresAt <= now)
        {
            return new AccessTokenCheck(AccessTokenStatus.Expired, ExpiredAt: token.ExpiresAt);
        }

        if (token.TryClaimUseRecord(now, LastUsedPrecision))
        {
            // A bulk update, so it does not empty the access cache: when a token was used changes nobody's access.
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await db.PersonalAccessTokens.Where(t => t.Id == token.Id)
                .ExecuteUpdateAsync(t => t.SetProperty(x => x.LastUsedAt, now), cancellationToken);
        }

        return new AccessTokenCheck(AccessTokenStatus.Valid, token.UserId, token.Id);
    }

    private async Task<KnownAccessToken?> FindAsync(string hash, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.PersonalAccessTokens.AsNoTracking()
            .Where(t => t.SecretHash == hash)
            .Select(t => new KnownAccessToken(t.Id, t.UserId, t.ExpiresAt, t.RevokedAt, t.User.LockoutEnd, t.LastUsedAt))
            .SingleOrDefaultAsync(cancellationToken);
    }

    private static AccessTokenInfo Info(PersonalAccessToken t) =>
        new(t.Id, t.Name, t.DisplayPrefix, t.CreatedAt, t.ExpiresAt, t.RevokedAt, t.LastUsedAt);
}
