using AiNative.Portal.Client.Contracts.Members;
using AiNative.Portal.Platform;
using AiNative.Services.Teams;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AiNative.Portal.Members;

public static class MembersEndpoints
{
    public static IEndpointRouteBuilder MapMembersApi(this IEndpointRouteBuilder endpoints)
    {
        var members = endpoints.MapTeamGroup("members", "Members");
        members.MapGet("", ListAsync)
            .WithName("ListTeamMembers")
            .WithSummary("The team's members and their roles");
        members.MapPost("", AddAsync)
            .RequireTeamRole(TeamRole.Owner)
            .WithName("AddTeamMember")
            .WithSummary("Add an account to the team by email, with a role");
        members.MapPut("{userId:guid}", ChangeRoleAsync)
            .RequireTeamRole(TeamRole.Owner)
            .WithName("ChangeTeamMemberRole")
            .WithSummary("Change a member's role; the last owner cannot be demoted");
        members.MapDelete("{userId:guid}", RemoveAsync)
            .RequireTeamRole(TeamRole.Owner)
            .WithName("RemoveTeamMember")
            .WithSummary("Remove a member from the team; the last owner cannot be removed");
        return endpoints;
    }

    private static async Task<Ok<IReadOnlyList<TeamMemberDto>>> ListAsync(ITeamMembersApi members, CancellationToken cancellationToken) =>
        TypedResults.Ok(await members.ListAsync(cancellationToken));

    private static async Task<Ok<TeamMemberDto>> AddAsync(AddMemberRequest request, ITeamMembersApi members, CancellationToken cancellationToken) =>
        TypedResults.Ok(await members.AddAsync(request, cancellationToken));

    private static async Task<NoContent> ChangeRoleAsync(Guid userId, ChangeRoleRequest request, ITeamMembersApi members, CancellationToken cancellationToken)
    {
        await members.ChangeRoleAsync(userId, request, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> RemoveAsync(Guid userId, ITeamMembersApi members, CancellationToken cancellationToken)
    {
        await members.RemoveAsync(userId, cancellationToken);
        return TypedResults.NoContent();
    }
}
