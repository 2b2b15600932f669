using AiNative.Services.Data;
using AiNative.Services.Platform.Errors;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace AiNative.Services.Teams;

/// <summary>
/// One change to accounts through ASP.NET Core Identity, with its audit entries, in one
/// transaction. It runs in a scope of its own: the <see cref="UserManager{TUser}"/> of a Blazor
/// circuit would share one database context between concurrent handlers.
/// </summary>
internal sealed class IdentityWork : IAsyncDisposable
{
    private readonly AsyncServiceScope _scope;
    private readonly IDbContextTransaction _transaction;

    private IdentityWork(AsyncServiceScope scope, PortalDbContext db, IDbContextTransaction transaction)
    {
        _scope = scope;
        _transaction = transaction;
        Db = db;
        Users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
    }

    /// <summary>The context the user manager saves with; audit entries added here are saved with its changes.</summary>
    public PortalDbContext Db { get; }

    public UserManager<PortalUser> Users { get; }

    public static async Task<IdentityWork> BeginAsync(IServiceScopeFactory scopes, CancellationToken cancellationToken)
    {
        var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        return new IdentityWork(scope, db, transaction);
    }

    /// <summary>Throws the Identity errors as field errors of <paramref name="field"/> when the step failed.</summary>
    public static void Check(IdentityResult result, string field)
    {
        if (!result.Succeeded)
        {
            throw new ValidationFailedException(new Dictionary<string, string[]>
            {
                [field] = result.Errors.Select(e => e.Description).ToArray(),
            });
        }
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        await Db.SaveChangesAsync(cancellationToken);
        await _transaction.CommitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync();
        await _scope.DisposeAsync();
    }
}
