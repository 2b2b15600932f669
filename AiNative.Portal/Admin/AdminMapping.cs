using AiNative.Portal.Client.Contracts.Admin;
using AiNative.Services.Teams;

namespace AiNative.Portal.Admin;

internal static class AdminMapping
{
    public static AdminTeamDto ToDto(this TeamOverview team) =>
        new(team.Id, team.Name, team.Slug, team.MemberCount, team.OwnerCount, team.CreatedAt);

    public static AdminUserDto ToDto(this UserAccount user) =>
        new(user.Id, user.DisplayName, user.Email, user.IsAdministrator, user.LockedUntil, user.MustChangePassword, user.HasPassword, user.TeamCount, user.CreatedAt);

    public static OneTimePasswordDto ToDto(this IssuedPassword issued) => new(issued.Account.ToDto(), issued.OneTimePassword);
}
