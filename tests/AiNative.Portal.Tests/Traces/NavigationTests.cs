using AiNative.Portal.Client.Components.Playground;
using AiNative.Portal.Client.Contracts.Prompts;
using AiNative.Portal.Client.Contracts.Runs;
using AiNative.Portal.Client.Contracts.Session;
using AiNative.Portal.Client.Layout;
using AiNative.Portal.Tests.Components;
using AiNative.Portal.Tests.Playground;
using Bunit;

namespace AiNative.Portal.Tests.Traces;

public sealed class NavigationTests : PortalComponentTest
{
    [Fact]
    public void Traces_follow_the_playground_in_the_navigation()
    {
        var menu = RenderWithPopovers<NavMenu>(p => p.AddCascadingValue(SessionAs(TeamRoleDto.Viewer)));

        var links = menu.FindAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(links.IndexOf("playground") + 1, links.IndexOf("traces"));
    }

    [Fact]
    public void Each_run_in_the_playground_history_links_to_its_trace()
    {
        var run = RunSamples.Summary();

        var history = RenderWithPopovers<RunHistoryTable>(p => p
            .Add(t => t.Page, new RunPageDto([run], 1, 1, 20))
            .Add(t => t.Prompts, Array.Empty<PromptSummaryDto>()));

        var link = history.Find("a[data-testid=history-trace]");
        Assert.Equal($"traces/{run.Id}", link.GetAttribute("href"));
        Assert.StartsWith("Open the trace of the run of", link.GetAttribute("aria-label"));
    }
}
