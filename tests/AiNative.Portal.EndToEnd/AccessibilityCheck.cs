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

    /// <summary>One line per violation: the page, the rule, its help text and the elements that break it.</summary>
    public static async Task<IReadOnlyList<string>> ViolationsAsync(IPage page)
    {
        var result = await page.RunAxe(WcagAandAA);
        return [.. result.Violations.Select(violation => Describe(page.Url, violation))];
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
