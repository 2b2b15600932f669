using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace AiNative.Portal.EndToEnd;

/// <summary>axe-core's WCAG 2.0 and 2.1 A and AA rules, run on what a page shows now; no rule is left out.</summary>
public static class AccessibilityCheck
{
    private static readonly AxeRunOptions WcagAandAA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    /// <summary>
    /// Waits for the animations and transitions that end (a snackbar fading in, a dialog opening) to end: axe would
    /// measure the colours halfway. Endless ones, such as a progress bar that runs until its work is done, are left running.
    /// </summary>
    private const string SettledScript = """
        () => Promise.all(document.getAnimations()
            .filter(animation => animation.effect?.getComputedTiming().endTime !== Infinity)
            .map(animation => animation.finished.catch(() => null)))
        """;

    /// <summary>A prerendered page is replaced by its interactive render: the layout's marker turns "true".</summary>
    private const string HandedOverScript = "() => document.querySelector('[data-interactive=\"false\"]') === null";

    /// <summary>Blazor renders the head again first, with no title, until the page's PageTitle arrives (dotnet/aspnetcore#68346).</summary>
    private const string TitledScript = "() => document.title !== ''";

    /// <summary>Long enough for WebAssembly to start on a busy machine.</summary>
    private static readonly PageWaitForFunctionOptions HandOverWait = new() { Timeout = 60_000 };

    /// <summary>The title follows the hand-over within milliseconds; a page still without one is axe's to report.</summary>
    private static readonly PageWaitForFunctionOptions TitleWait = new() { Timeout = 10_000 };

    /// <summary>A snackbar starts fading in a moment after it appears, so the animations above may not have begun.</summary>
    private const string SnackbarsShownScript = "() => [...document.querySelectorAll('.mud-snackbar')].every(snackbar => getComputedStyle(snackbar).opacity === '1')";

    /// <summary>Fails, naming each rule and element, when what the page shows now breaks a WCAG 2.1 A or AA rule that axe-core checks.</summary>
    public static async Task ExpectAccessibleAsync(this IPage page)
    {
        var violations = await ViolationsAsync(page);
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    /// <summary>One line per violation: the page, the rule, its help text and the elements that break it.</summary>
    public static async Task<IReadOnlyList<string>> ViolationsAsync(IPage page)
    {
        var result = await RunAsync(page);
        return [.. result.Violations.Select(violation => Describe(page.Url, violation))];
    }

    /// <summary>
    /// Runs axe once more, on the new document, when a navigation that had already started replaced the page while
    /// axe ran (moving between a server page and a WebAssembly page loads the new page afresh).
    /// </summary>
    private static async Task<AxeResult> RunAsync(IPage page)
    {
        try
        {
            return await RunSettledAsync(page);
        }
        catch (PlaywrightException navigated) when (navigated.Message.Contains("Execution context was destroyed", StringComparison.Ordinal))
        {
            await page.WaitForLoadStateAsync(LoadState.Load);
            return await RunSettledAsync(page);
        }
    }

    private static async Task<AxeResult> RunSettledAsync(IPage page)
    {
        await WaitForHandOverAsync(page);
        await page.WaitForFunctionAsync(SnackbarsShownScript);
        await page.EvaluateAsync(SettledScript);
        return await page.RunAxe(WcagAandAA);
    }

    /// <summary>axe run during the hand-over would judge a half-replaced page, without its title.</summary>
    private static async Task WaitForHandOverAsync(IPage page)
    {
        try
        {
            await page.WaitForFunctionAsync(HandedOverScript, null, HandOverWait);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"{page.Url} was not handed to its interactive render within {HandOverWait.Timeout / 1000} s (the layout's data-interactive marker stayed false).");
        }

        try
        {
            await page.WaitForFunctionAsync(TitledScript, null, TitleWait);
        }
        catch (TimeoutException)
        {
            // A page that never gets a title fails with axe's own words (document-title), not with a timeout.
        }
    }

    private static string Describe(string url, AxeResultItem violation)
    {
        var targets = violation.Nodes.Select(node => $"{node.Target} {node.Html} ({Reasons(node)})");
        return $"{url}: {violation.Id} ({violation.Help}) on {string.Join("; ", targets)}";
    }

    /// <summary>What axe found wrong with the element, such as the two colours and their contrast.</summary>
    private static string Reasons(AxeResultNode node) =>
        string.Join(" ", node.Any.Concat(node.All).Concat(node.None).Select(check => check.Message));
}
