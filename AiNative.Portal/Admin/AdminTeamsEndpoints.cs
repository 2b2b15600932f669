using AiNative.Portal.Client.Contracts.Admin;
using AiNative.Portal.Client.Contracts.Members;
using AiNative.Portal.Platform;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AiNative.Portal.Admin;

public static class AdminTeamsEndpoints
{
    public static IEndpointRouteBuilder MapAdminTeamsApi(this IEndpointRouteBuilder endpoints)
    {
        var teams = endpoints.MapAdminGroup("teams", "Administration");
        teams.MapGet("", ListAsync).WithName("AdminListTeams").WithSummary("Every team, with how many members and owners it has");
        teams.MapPost("", CreateAsync).WithName("AdminCreateTeam").WithSummary("Create a team; the administrator becomes its first owner");
        teams.MapPut("{teamId:guid}", RenameAsync).WithName("AdminRenameTeam").WithSummary("Rename a team (its slug stays)");
        teams.MapDelete("{teamId:guid}", DeleteAsync).WithName("AdminDeleteTeam").WithSummary("Delete a team and everything it owns");
        teams.MapGet("{teamId:guid}/members", ListMembersAsync).WithName("AdminListTeamMembers").WithSummary("A team's members");
        teams.MapPost("{teamId:guid}/members", AddMemberAsync).WithName("AdminAddTeamMember").WithSummary("Add an account to a team");
        teams.MapPut("{teamId:guid}/members/{userId:guid}", ChangeMemberRoleAsync).WithName("AdminChangeTeamMemberRole").WithSummary("Change a member's role");
        teams.MapDelete("{teamId:guid}/members/{userId:guid}", RemoveMemberAsync).WithName("AdminRemoveTeamMember").WithSummary("Remove a member from a team");
        return endpoints;
    }

    private static async Task<Ok<IReadOnlyList<AdminTeamDto>>> ListAsync(IAdminTeamsApi teams, CancellationToken cancellationToken) =>
        TypedResults.Ok(await teams.ListAsync(cancellationToken));

    private static async Task<Ok<AdminTeamDto>> CreateAsync(TeamNameRequest request, IAdminTeamsApi teams, CancellationToken cancellationToken) =>
        TypedResults.Ok(await teams.CreateAsync(request, cancellationToken));

    private static async Task<NoContent> RenameAsync(Guid teamId, TeamNameRequest request, IAdminTeamsApi teams, CancellationToken cancellationToken)
    {
        await teams.RenameAsync(teamId, request, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> DeleteAsync(Guid teamId, IAdminTeamsApi teams, CancellationToken cancellationToken)
    {
        await teams.DeleteAsync(teamId, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<IReadOnlyList<TeamMemberDto>>> ListMembersAsync(Guid teamId, IAdminTeamsApi teams, CancellationToken cancellationToken) =>
        TypedResults.Ok(await teams.ListMembersAsync(teamId, cancellationToken));

    private static async Task<Ok<TeamMemberDto>> AddMemberAsync(Guid teamId, AddMemberRequest request, IAdminTeamsApi teams, CancellationToken cancellationToken) =>
        TypedResults.Ok(await teams.AddMemberAsync(teamId, request, cancellationToken));

    private static async Task<NoContent> ChangeMemberRoleAsync(Guid teamId, Guid userId, ChangeRoleRequest request, IAdminTeamsApi teams, CancellationToken cancellationToken)
    {
        await teams.ChangeMemberRoleAsync(teamId, userId, request, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> RemoveMemberAsync(Guid teamId, Guid userId, IAdminTeamsApi teams, CancellationToken cancellationToken)
    {
        await teams.RemoveMemberAsync(teamId, userId, cancellationToken);
        return TypedResults.NoContent();
    }
}
