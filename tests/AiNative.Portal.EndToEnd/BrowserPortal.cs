using AiNative.Testing;
using Microsoft.Playwright;

namespace AiNative.Portal.EndToEnd;

/// <summary>
/// The real portal on Kestrel, the fake provider, and Debian's Chromium driven by Playwright.
/// One per test class; each test opens its own browser context.
/// </summary>
public sealed class BrowserPortal : IAsyncLifetime
{
    private const string DefaultChromium = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public PortalFactory Portal { get; } = new();

    public FakeOpenAiServer Provider { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseUrl => Portal.ServerAddress;

    public async ValueTask InitializeAsync()
    {
        Provider = await FakeOpenAiServer.StartAsync();
        Portal.UseKestrel(0);
        Portal.StartServer();

        var chromium = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? DefaultChromium;
        if (!File.Exists(chromium))
        {
            throw new InvalidOperationException(
                $"Chromium was not found at {chromium}. Install it with 'apt-get install -y chromium' (the README's test command does), or set CHROMIUM_PATH.");
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
        });
    }

    /// <summary>A fresh browser context (no cookies) with a page that records console errors.</summary>
    public async Task<BrowserPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl.ToString() });

        // Generous for a busy machine (WebAssembly in a browser beside a build): an action or an expectation that holds
        // goes on at once, and only one that never holds waits this long.
        context.SetDefaultTimeout(30_000);
        Assertions.SetDefaultExpectTimeout(30_000);
        var page = await context.NewPageAsync();
        return new BrowserPage(context, page);
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (Provider is not null)
        {
            await Provider.DisposeAsync();
        }

        Portal.Dispose();
    }
}
