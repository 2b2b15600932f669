using System.Data.Common;
using System.Runtime.CompilerServices;
using AiNative.Services.Gateway.Keys;
using AiNative.Services.Platform.AccessTokens;
using AiNative.Services.Teams;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AiNative.Services.Platform.Caching;

/// <summary>
/// Empties the <see cref="AccessCache"/> when a change to accounts, their claims, memberships, teams
/// access tokens or gateway keys is committed: after <c>SaveChanges</c>, or, inside a transaction, after the
/// commit (a request that reads before the commit must not keep the old state under the new
/// generation). Every path that revokes, locks or changes access goes through here, tests' direct
/// edits included.
/// </summary>
internal sealed class AccessChangeInterceptor(AccessCache cache) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    /// <summary>Contexts whose saved changes touched access and whose transaction has not yet committed.</summary>
    private readonly ConditionalWeakTable<DbContext, object> _pending = [];

    private static readonly object Marker = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        NoteAccessChanges(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        NoteAccessChanges(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        InvalidateUnlessInTransaction(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        InvalidateUnlessInTransaction(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => ForgetUnlessInTransaction(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ForgetUnlessInTransaction(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => InvalidateIfPending(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        InvalidateIfPending(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void NoteAccessChanges(DbContext? context)
    {
        if (context is not null && TouchesAccess(context.ChangeTracker))
        {
            _pending.AddOrUpdate(context, Marker);
        }
    }

    /// <summary>
    /// Whether an entity the cache copies is added, changed or deleted. Only those entries are
    /// checked for changes: a save of many chunks or observations does not pay for a second full scan.
    /// </summary>
    private static bool TouchesAccess(ChangeTracker tracker)
    {
        var autoDetect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            return Changed(tracker.Entries<PortalUser>())
                || Changed(tracker.Entries<TeamMembership>())
                || Changed(tracker.Entries<Team>())
                || Changed(tracker.Entries<PersonalAccessToken>())
                || Changed(tracker.Entries<GatewayKey>())
                || Changed(tracker.Entries<IdentityUserClaim<Guid>>());
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    private static bool Changed<T>(IEnumerable<EntityEntry<T>> entries)
        where T : class
    {
        foreach (var entry in entries)
        {
            entry.DetectChanges();
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            {
                return true;
            }
        }

        return false;
    }

    private void InvalidateUnlessInTransaction(DbContext? context)
    {
        if (context?.Database.CurrentTransaction is null)
        {
            InvalidateIfPending(context);
        }
    }

    private void InvalidateIfPending(DbContext? context)
    {
        if (context is not null && _pending.Remove(context))
        {
            cache.Invalidate();
        }
    }

    private void ForgetUnlessInTransaction(DbContext? context)
    {
        if (context?.Database.CurrentTransaction is null)
        {
            Forget(context);
        }
    }

    private void Forget(DbContext? context)
    {
        if (context is not null)
        {
            _pending.Remove(context);
        }
    }
}
