using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AiNative.Portal.EndToEnd;

/// <summary>A page in its own browser context, with the portal's common steps.</summary>
public sealed class BrowserPage : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly List<string> _consoleErrors = [];

    public BrowserPage(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _consoleErrors.Add($"{message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => _consoleErrors.Add(error);
    }

    public IPage Page { get; }

    /// <summary>Errors the browser console showed (script failures, blocked resources, CSP violations).</summary>
    public IReadOnlyList<string> ConsoleErrors => _consoleErrors;

    public async Task SignInAsync(string email, string password)
    {
        await Page.GotoAsync("/account/login");
        await Page.GetByLabel("Email").FillAsync(email);
        await Page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(Page.GetByTestId("user-menu")).ToBeVisibleAsync();
    }

    /// <summary>Opens the select with <paramref name="picker"/> as its test id and picks <paramref name="option"/>.</summary>
    public async Task PickAsync(string picker, string option)
    {
        await Page.GetByTestId(picker).ClickAsync();
        await Page.GetByRole(AriaRole.Option, new() { Name = option }).ClickAsync();
    }

    /// <summary>Waits until the interactive (server or WebAssembly) side has taken over the page; WebAssembly may start slowly on a busy machine.</summary>
    public Task WaitForInteractiveAsync() =>
        Page.WaitForFunctionAsync(
            "() => document.querySelector('[data-interactive=\"true\"]') !== null",
            null,
            new PageWaitForFunctionOptions { Timeout = 60_000 });

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
