using System.Net;
using AiNative.Services.Data;
using AiNative.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AiNative.Portal.Tests.Accounts;

public sealed class SignInLimitTests : IAsyncLifetime
{
    private const int Limit = 3;

    private readonly PortalFactory _portal = new PortalFactory()
        .WithSetting("Portal:Authentication:SignInLimit:PermitLimit", Limit.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .WithSetting("Portal:Authentication:SignInLimit:Window", "00:10:00");

    public async ValueTask InitializeAsync() => await _portal.CreateAdministratorAsync();

    public ValueTask DisposeAsync()
    {
        _portal.Dispose();
        return ValueTask.CompletedTask;
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Attempts_over_the_limit_from_one_address_get_429_with_a_clear_message_even_with_the_right_password()
    {
        for (var i = 0; i < Limit; i++)
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => _portal.SignInAsync(email: $"guess{i}@example.com"));
        }

        var client = _portal.CreateClient(new() { AllowAutoRedirect = false });
        var form = await client.GetAsync("/account/login", Ct);
        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = PortalFactory.AntiforgeryToken(await form.Content.ReadAsStringAsync(Ct)),
            ["Input.Email"] = PortalFactory.AdminEmail,
            ["Input.Password"] = PortalFactory.Password,
        }), Ct);

        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Contains("Too many sign-in attempts from your network address", await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal("600", Assert.Single(response.Headers.GetValues("Retry-After")));
        Assert.DoesNotContain(response.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith("ainative.auth", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_counter_the_database_cannot_update_lets_sign_ins_through()
    {
        await using (var scope = _portal.Services.CreateAsyncScope())
        await using (var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(Ct))
        {
            await db.Database.ExecuteSqlRawAsync("""DROP TABLE "RateWindows" """, Ct);
        }

        for (var i = 0; i < Limit; i++)
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => _portal.SignInAsync(email: $"guess{i}@example.com"));
        }

        using var signedIn = await _portal.SignInAsync();
    }
}
