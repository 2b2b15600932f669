using AiNative.Services.Teams;
using AiNative.Services.Teams.SingleSignOn;

namespace AiNative.Services.Tests.Teams.SingleSignOn;

public sealed class TeamClaimMappingTests
{
    [Fact]
    public void Values_name_a_team_slug_and_a_role()
    {
        var memberships = TeamClaimMapping.Parse(["research:Editor", "Support:owner", "/platform:Viewer"]);

        Assert.Equal(TeamRole.Editor, memberships["research"]);
        Assert.Equal(TeamRole.Owner, memberships["support"]);
        Assert.Equal(TeamRole.Viewer, memberships["platform"]);
    }

    [Fact]
    public void A_bare_slug_means_viewer_and_the_higher_of_two_roles_wins()
    {
        var memberships = TeamClaimMapping.Parse(["research", "research:Owner", "design", "design:Viewer"]);

        Assert.Equal(TeamRole.Owner, memberships["research"]);
        Assert.Equal(TeamRole.Viewer, memberships["design"]);
    }

    [Fact]
    public void Values_with_an_unknown_role_or_no_slug_are_ignored()
    {
        var memberships = TeamClaimMapping.Parse(["research:Admin", ":Owner", "ops:99", "  "]);

        Assert.Empty(memberships);
    }
}
