using AiNative.Portal.Client.Contracts.Session;
using AiNative.Portal.Client.Layout;
using Bunit;

namespace AiNative.Portal.Tests.Components;

public sealed class NavMenuTests : PortalComponentTest
{
    [Fact]
    public void Administrators_see_administration_in_the_navigation()
    {
        var menu = RenderWithPopovers<NavMenu>(p => p.AddCascadingValue(SessionAs(TeamRoleDto.Viewer, isAdministrator: true)));

        Assert.Single(menu.FindAll("a[href='admin']"));
    }

    [Fact]
    public void Others_do_not_even_as_team_owners()
    {
        var menu = RenderWithPopovers<NavMenu>(p => p.AddCascadingValue(SessionAs(TeamRoleDto.Owner)));

        Assert.Empty(menu.FindAll("a[href='admin']"));
        Assert.Single(menu.FindAll("a[href='team/members']"));
        Assert.Single(menu.FindAll("a[href='audit']"));
    }
}
