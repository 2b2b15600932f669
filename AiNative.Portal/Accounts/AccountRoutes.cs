namespace AiNative.Portal.Accounts;

public static class AccountRoutes
{
    public const string Setup = "/setup";
    public const string Login = "/account/login";
    public const string Logout = "/account/logout";
    public const string ChangePassword = "/account/change-password";
    public const string AccessDenied = "/account/denied";
    public const string ExternalLogin = "/account/external-login";
    public const string ExternalCallback = "/account/external-callback";

    /// <summary>A return URL the portal will follow: local paths only, never another site.</summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal)
            && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : "/";
}
