using AiNative.Portal.Client.Contracts.Members;
using AiNative.Portal.Client.Contracts.Session;
using AiNative.Portal.Components.Pages.Members;
using AiNative.Portal.Tests.Components.Fakes;
using Bunit;
using Microsoft.Extensions.DependencyInjection;

namespace AiNative.Portal.Tests.Components;

public sealed class TeamMembersPageTests : PortalComponentTest
{
    private readonly FakeTeamMembersApi _api = new();

    public TeamMembersPageTests() => Services.AddSingleton<ITeamMembersApi>(_api);

    [Fact]
    public void An_owner_sees_the_controls_to_add_remove_and_change_members()
    {
        var page = RenderWithPopovers<TeamMembersPage>(p => p.AddCascadingValue(SessionAs(TeamRoleDto.Owner)));

        page.WaitForAssertion(() => Assert.Contains("Vic Viewer", page.Markup));
        Assert.Single(page.FindAll("[data-testid=add-member]"));
        Assert.Single(page.FindAll("button[aria-label='Remove Vic Viewer']"));
        Assert.Single(page.FindAll("[aria-label='Role of Vic Viewer']"));
    }

    [Theory]
    [InlineData(TeamRoleDto.Viewer)]
    [InlineData(TeamRoleDto.Editor)]
    public void Members_who_are_not_owners_see_the_members_without_controls(TeamRoleDto role)
    {
        var page = RenderWithPopovers<TeamMembersPage>(p => p.AddCascadingValue(SessionAs(role)));

        page.WaitForAssertion(() => Assert.Contains("Vic Viewer", page.Markup));
        Assert.Contains("Olu Owner", page.Markup);
        Assert.Empty(page.FindAll("[data-testid=add-member]"));
        Assert.Empty(page.FindAll("button[aria-label^='Remove']"));
        Assert.Empty(page.FindAll("[aria-label^='Role of']"));
    }

    [Fact]
    public void An_owner_adds_a_member_by_email_as_viewer_unless_another_role_is_chosen()
    {
        var page = RenderWithPopovers<TeamMembersPage>(p => p.AddCascadingValue(SessionAs(TeamRoleDto.Owner)));

        page.Find("input[type=email]").Change("new@example.com");
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Contains("new@example.com", page.Find("[data-testid=members-table]").TextContent));
        Assert.Equal([new AddMemberRequest("new@example.com", TeamRoleDto.Viewer)], _api.Added);
    }
}
