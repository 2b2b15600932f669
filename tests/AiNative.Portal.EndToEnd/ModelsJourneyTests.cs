using AiNative.Services.Teams;
using AiNative.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AiNative.Portal.EndToEnd;

public sealed class ModelsJourneyTests(BrowserPortal browser) : IClassFixture<BrowserPortal>
{
    private const string ProviderName = "Fake server";

    [Fact]
    public async Task An_editor_registers_a_provider_tests_its_connection_and_adds_a_priced_chat_model()
    {
        await using var session = await OpenModelsPageAsync();
        var page = session.Page;
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Models", Exact = true, Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByText("Built in · not a language model").First).ToBeVisibleAsync();
        await page.ExpectAccessibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Add provider" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Name", new() { Exact = true }).FillAsync(ProviderName);
        await dialog.GetByLabel("Base URL").FillAsync(browser.Provider.BaseUrl);
        await dialog.GetByLabel("API key").FillAsync(FakeOpenAiServer.ApiKey);
        await page.ExpectAccessibleAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = ProviderName, Exact = true }).First).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = $"Test connection of {ProviderName}" }).ClickAsync();
        var result = page.GetByTestId("connection-result");
        await Expect(result).ToContainTextAsync("Reachable");
        await Expect(result).ToContainTextAsync("HTTP 200");
        await Expect(result).ToContainTextAsync(FakeOpenAiServer.ChatModel);
        await Expect(result).ToContainTextAsync(FakeOpenAiServer.EmbeddingModel);
        await page.ExpectAccessibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Add model" }).ClickAsync();
        dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Name", new() { Exact = true }).FillAsync("Fake chat");
        await dialog.GetByLabel("Provider's model id").FillAsync(FakeOpenAiServer.ChatModel);
        await dialog.GetByLabel("Context window (tokens)").FillAsync("128000");
        await dialog.GetByLabel("Max output tokens").FillAsync("4096");
        await dialog.GetByLabel("Input price (USD per million tokens)").FillAsync("2.5");
        await dialog.GetByLabel("Output price (USD per million tokens)").FillAsync("10");
        await page.ExpectAccessibleAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Fake chat" });
        await Expect(row).ToContainTextAsync(ProviderName);
        await Expect(row).ToContainTextAsync("128,000");
        await Expect(row).ToContainTextAsync("$2.50");
        await Expect(row).ToContainTextAsync("$10.00");
        await page.ExpectAccessibleAsync();
        Assert.Empty(session.ConsoleErrors);
    }

    [Fact]
    public async Task A_wrong_key_shows_unauthorised_with_the_providers_401()
    {
        await using var session = await OpenModelsPageAsync();
        var page = session.Page;
        await page.GetByRole(AriaRole.Button, new() { Name = "Add provider" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Name", new() { Exact = true }).FillAsync("Wrong key server");
        await dialog.GetByLabel("Base URL").FillAsync(browser.Provider.BaseUrl);
        await dialog.GetByLabel("API key").FillAsync("sk-wrong-key-0000");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Test connection of Wrong key server" }).ClickAsync();

        var result = page.GetByTestId("connection-result");
        await Expect(result).ToContainTextAsync("Unauthorised");
        await Expect(result).ToContainTextAsync("HTTP 401");
        await Expect(result).Not.ToContainTextAsync("sk-wrong-key-0000");
        await page.ExpectAccessibleAsync();
        Assert.Empty(session.ConsoleErrors);
    }

    /// <summary>Signs in as the administrator (created by whichever test of the class runs first) and opens the Models page.</summary>
    private async Task<BrowserPage> OpenModelsPageAsync()
    {
        var setup = browser.Portal.Services.GetRequiredService<SetupState>();
        if (!await setup.IsCompleteAsync(TestContext.Current.CancellationToken))
        {
            await browser.Portal.CreateAdministratorAsync();
        }

        var session = await browser.NewPageAsync();
        await session.SignInAsync(PortalFactory.AdminEmail, PortalFactory.Password);
        await session.Page.GotoAsync("/models");
        await session.WaitForInteractiveAsync();
        return session;
    }
}
