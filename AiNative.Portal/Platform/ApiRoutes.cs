namespace AiNative.Portal.Platform;

public static class ApiRoutes
{
    public const string Root = "/api";

    /// <summary>Everything a team owns sits under its id, so access is decided once for the whole group.</summary>
    public const string Team = "/api/teams/{teamId:guid}";

    /// <summary>Portal administration: teams, accounts and the portal-wide audit trail.</summary>
    public const string Admin = "/api/admin";
}
