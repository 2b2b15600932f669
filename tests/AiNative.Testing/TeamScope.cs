using AiNative.Services.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AiNative.Testing;

/// <summary>A DI scope that works in one team; <see cref="Get{T}"/> resolves services in it.</summary>
public sealed class TeamScope(AsyncServiceScope scope) : IAsyncDisposable
{
    public IServiceProvider Services => scope.ServiceProvider;

    public T Get<T>()
        where T : notnull => scope.ServiceProvider.GetRequiredService<T>();

    public Task<PortalDbContext> DbAsync() => Get<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();

    public ValueTask DisposeAsync() => scope.DisposeAsync();
}
