using AiNative.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AiNative.Portal.EndToEnd;

/// <summary>The portal on a phone-sized screen: the app bar keeps to one line and nothing is wider than the screen.</summary>
public sealed class NarrowScreenJourneyTests(BrowserPortal browser) : IClassFixture<BrowserPortal>
{
    private const int ScreenWidth = 420;

    /// <summary>A dense app bar is 48 pixels high; a second line of text would make its items stick out of it.</summary>
    private const int DenseAppBarHeight = 48;

    /// <summary>Pages with tables, filters and long text.</summary>
    private static readonly string[] Pages =
        ["/", "/models", "/prompts", "/playground", "/traces", "/gateway", "/usage", "/knowledge", "/datasets", "/experiments", "/experiments/new", "/team/members", "/audit", "/admin", "/account/tokens"];

    /// <summary>'' when every item of the app bar lies within its one line; otherwise the items that stick out.</summary>
    private const string AppBarProblemScript = """
        () => {
            const bar = document.querySelector('.mud-appbar').getBoundingClientRect();
            return [...document.querySelectorAll('.mud-appbar .mud-toolbar > *, .mud-appbar .mud-button-label, .mud-appbar .mud-typography')]
                .filter(item => item.getBoundingClientRect().width > 0)
                .filter(item => { const box = item.getBoundingClientRect(); return box.top < bar.top || box.bottom > bar.bottom; })
                .map(item => item.className + ' ' + JSON.stringify(item.getBoundingClientRect()))
                .join('; ');
        }
        """;

    /// <summary>The innermost elements that reach past the right edge of the screen.</summary>
    private const string TooWideScript = """
        () => [...document.querySelectorAll('body *')]
            .filter(element => element.getBoundingClientRect().right > document.documentElement.clientWidth)
            .filter(element => ![...element.children].some(child => child.getBoundingClientRect().right > document.documentElement.clientWidth))
            .slice(0, 5)
            .map(element => `${element.tagName.toLowerCase()}.${element.className} "${element.textContent.trim().slice(0, 60)}" in ${element.closest('[data-testid]')?.dataset.testid ?? 'the page'}`)
            .join('; ')
        """;

    [Fact]
    public async Task At_420_pixels_the_app_bar_stays_on_one_line_and_tables_scroll_inside_the_page()
    {
        await browser.Portal.CreateAdministratorAsync();
        await using var session = await browser.NewPageAsync();
        var page = session.Page;
        await page.SetViewportSizeAsync(ScreenWidth, 800);
        await session.SignInAsync(PortalFactory.AdminEmail, PortalFactory.Password);

        foreach (var path in Pages)
        {
            await page.GotoAsync(path);
            await session.WaitForInteractiveAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();

            var appBar = await page.Locator(".mud-appbar").BoundingBoxAsync();
            Assert.Equal(DenseAppBarHeight, appBar!.Height);
            Assert.Equal("", await page.EvaluateAsync<string>(AppBarProblemScript));
            var pageWidth = await page.EvaluateAsync<int>("() => document.scrollingElement.scrollWidth");
            Assert.True(pageWidth <= ScreenWidth, $"{path} is {pageWidth} pixels wide on a screen of {ScreenWidth}: {await page.EvaluateAsync<string>(TooWideScript)}");
            await page.ExpectAccessibleAsync();
        }

        Assert.Empty(session.ConsoleErrors);
    }
}
