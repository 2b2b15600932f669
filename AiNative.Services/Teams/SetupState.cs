using AiNative.Services.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AiNative.Services.Teams;

/// <summary>Whether the first administrator exists; asked on every request, so the answer is cached once true.</summary>
public sealed class SetupState(IServiceScopeFactory scopes)
{
    private volatile bool _complete;

    public async ValueTask<bool> IsCompleteAsync(CancellationToken cancellationToken)
    {
        if (_complete)
        {
            return true;
        }

        await using var scope = scopes.CreateAsyncScope();
        var dbFactory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        _complete = await db.Users.AnyAsync(cancellationToken);
        return _complete;
    }

    public void MarkComplete() => _complete = true;
}
