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
    public async Task An_owner_creates_a_key_and_a_route_with_a_fallback_an_application_calls_it_and_sees_the_request_in_the_log_and_the_cost_report()
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

        // The feedback loop: the request becomes an item of a dataset.
        await request.GetByRole(AriaRole.Checkbox).CheckAsync();
        await session.PickAsync("add-to-dataset-target", "Support questions");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add 1 picked to the dataset" }).ClickAsync();
        await Expect(page.GetByText("Added 1 items to 'Support questions'")).ToBeVisibleAsync();
        await page.ExpectAccessibleAsync();
        await request.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/traces/"));
        await Expect(page.GetByText(broken).First).ToBeVisibleAsync();

        // The cost report: the route's request in the table and the charts, and the same figures as CSV.
        await page.GetByRole(AriaRole.Link, new() { Name = "Usage and cost" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Usage and cost", Level = 1 })).ToBeVisibleAsync();
        await session.PickAsync("usage-group-by", "Gateway route");
        var routeRow = page.GetByTestId("usage-groups").GetByRole(AriaRole.Row).Filter(new() { HasText = "journey-route" });
        await Expect(routeRow).ToContainTextAsync("USD");
        await Expect(page.GetByTestId("usage-charts").Locator("svg").First).ToBeVisibleAsync();
        await page.ExpectAccessibleAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("usage-csv").ClickAsync());
        Assert.EndsWith("-by-route.csv", download.SuggestedFilename);
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!, TestContext.Current.CancellationToken);
        Assert.StartsWith("day,route,requests,", csv);
        Assert.Contains(",journey-route,1,", csv);
        Assert.Empty(session.ConsoleErrors);
    }
}
