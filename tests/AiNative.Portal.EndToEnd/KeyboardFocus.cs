using Microsoft.Playwright;

namespace AiNative.Portal.EndToEnd;

/// <summary>Moves focus with the Tab key alone and checks that every stop shows a focus ring.</summary>
public static class KeyboardFocus
{
    /// <summary>More stops than any page has (the app bar, the navigation, then the page's controls), so a search may go round once.</summary>
    private const int MostStops = 150;

    private const string NothingHasFocus = "nothing has focus";

    /// <summary>
    /// '' when the focused element draws an outline while matching :focus-visible (or, for a check box or switch,
    /// whose native input MudBlazor hides, when the button drawn around it does); otherwise what is wrong.
    /// </summary>
    private const string FocusProblemScript = $$"""
        () => {
            const focused = document.activeElement;
            if (!focused || focused === document.body) return '{{NothingHasFocus}}';
            const ringed = element => {
                const style = getComputedStyle(element);
                return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
            };
            const drawn = focused.closest('.mud-checkbox, .mud-switch') ? focused.closest('.mud-button-root') : focused;
            if (focused.matches(':focus-visible') && drawn && ringed(drawn)) return '';
            return 'no visible focus on ' + focused.outerHTML.slice(0, 160);
        }
        """;

    /// <summary>Presses Tab until <paramref name="target"/> or an element inside it has focus, checking the ring at every stop.</summary>
    public static async Task TabToAsync(IPage page, ILocator target)
    {
        for (var stop = 0; stop < MostStops; stop++)
        {
            await page.Keyboard.PressAsync("Tab");

            // One read of the focus per stop: a live update may redraw the focused control between two reads.
            var problem = await page.EvaluateAsync<string>(FocusProblemScript);
            if (problem == NothingHasFocus)
            {
                // Past the last control focus leaves the page (for the browser's own controls), and a control that a
                // live update redraws takes focus with it; the next Tab starts again from the top.
                continue;
            }

            Assert.True(problem.Length == 0, $"{page.Url}: {problem}");
            if (await target.EvaluateAsync<bool>("element => element.contains(document.activeElement)"))
            {
                return;
            }
        }

        Assert.Fail($"{MostStops} presses of Tab did not reach {target}.");
    }

    /// <summary>Fails unless the element that has focus shows it.</summary>
    public static async Task ExpectVisibleAsync(IPage page)
    {
        var problem = await page.EvaluateAsync<string>(FocusProblemScript);
        Assert.True(problem.Length == 0, $"{page.Url}: {problem}");
    }
}
