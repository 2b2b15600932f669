using System.Net.Http.Headers;
using System.Net.Http.Json;
using AiNative.Services.Teams;
using AiNative.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AiNative.Portal.EndToEnd;

public sealed class GatewayJourneyTests(BrowserPortal browser) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task An_owner_creates_a_key_and_a_route_with_a_fallback_an_application_calls_it_and_the_request_is_in_the_log()
    {
        var setup = browser.Portal.Services.GetRequiredService<SetupState>();
        if (!await setup.IsCompleteAsync(TestContext.Current.CancellationToken))
        {
            await browser.Portal.CreateAdministratorAsync();
        }

        var teamId = await browser.Portal.DemoTeamIdAsync();
        string broken, good;
        await using (var scope = browser.Portal.Services.InTeam(teamId))
        {
            broken = (await scope.AddOpenAiCompatibleModelAsync(browser.Provider.BaseUrl, FakeOpenAiServer.BrokenModel)).Name;
            good = (await scope.AddOpenAiCompatibleModelAsync(browser.Provider.BaseUrl, FakeOpenAiServer.ChatModel)).Name;
        }

        await using var session = await browser.NewPageAsync();
        var page = session.Page;
        await session.SignInAsync(PortalFactory.AdminEmail, PortalFactory.Password);
        await page.GotoAsync("/gateway");
        await session.WaitForInteractiveAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Model gateway", Level = 1 })).ToBeVisibleAsync();
        await page.ExpectAccessibleAsync();

        await page.GetByLabel("Key name").FillAsync("journey app");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create key" }).ClickAsync();
        var secretField = page.GetByLabel("Gateway key");
        await Expect(secretField).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^aigw_"));
        var secret = await secretField.InputValueAsync();
        await Expect(page.GetByTestId("gateway-keys")).ToContainTextAsync("journey app");
        await page.ExpectAccessibleAsync();

        await page.GetByLabel("Route name").FillAsync("journey-route");
        await session.PickAsync("route-target", broken);
        await session.PickAsync("route-fallback", good);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create route" }).ClickAsync();
        var route = page.GetByTestId("gateway-routes").GetByRole(AriaRole.Row).Filter(new() { HasText = "journey-route" });
        await Expect(route).ToContainTextAsync(broken);
        await Expect(route).ToContainTextAsync(good);

        using var application = browser.Portal.CreateClient();
        application.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        using var answer = await application.PostAsJsonAsync("/v1/chat/completions",
            new { model = "journey-route", messages = new[] { new { role = "user", content = "Where is my parcel?" } } }, TestContext.Current.CancellationToken);
        answer.EnsureSuccessStatusCode();
        Assert.Equal(good, answer.Headers.GetValues("x-ainative-target").Single());

        await page.GetByRole(AriaRole.Button, new() { Name = "Refresh" }).ClickAsync();
        var request = page.GetByTestId("gateway-requests").GetByRole(AriaRole.Row).Filter(new() { HasText = "journey-route" });
        await Expect(request).ToContainTextAsync(good);
        await Expect(request).ToContainTextAsync("key journey app");
        await page.ExpectAccessibleAsync();
        await request.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/traces/"));
        await Expect(page.GetByText(broken).First).ToBeVisibleAsync();
        Assert.Empty(session.ConsoleErrors);
    }
}
