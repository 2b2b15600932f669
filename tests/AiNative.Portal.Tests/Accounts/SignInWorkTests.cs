using AiNative.Services.Teams;
using AiNative.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AiNative.Portal.Tests.Accounts;

public sealed class SignInWorkTests : IAsyncLifetime
{
    private readonly CountingPasswordHasher _hasher = new();
    private readonly PortalFactory _portal;

    public SignInWorkTests() =>
        _portal = new PortalFactory().WithServices(services => services.AddScoped<IPasswordHasher<PortalUser>>(_ => _hasher));

    public async ValueTask InitializeAsync() => await _portal.CreateAdministratorAsync();

    public ValueTask DisposeAsync()
    {
        _portal.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Signing_in_with_an_unknown_email_hashes_the_password_as_a_known_email_with_a_wrong_password_does()
    {
        _hasher.Reset();
        await Assert.ThrowsAsync<InvalidOperationException>(() => PortalFactory.SignInAsync(Browser(), PortalFactory.AdminEmail, "wrong password"));
        var knownAccount = _hasher.Count;

        _hasher.Reset();
        await Assert.ThrowsAsync<InvalidOperationException>(() => PortalFactory.SignInAsync(Browser(), "nobody@example.com", "wrong password"));
        var unknownAccount = _hasher.Count;

        Assert.Equal(1, knownAccount);
        Assert.Equal(knownAccount, unknownAccount);
    }

    private HttpClient Browser() => _portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
}
