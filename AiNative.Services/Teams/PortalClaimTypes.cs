namespace AiNative.Services.Teams;

public static class PortalClaimTypes
{
    /// <summary>Present while the account still has its one-time password; the portal lets the user do nothing but change it.</summary>
    public const string MustChangePassword = "ainative:must_change_password";
}
