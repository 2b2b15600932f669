using AiNative.Services.Platform.Errors;

namespace AiNative.Portal.Accounts.SingleSignOn;

/// <summary>
/// Why a single sign-on failed, as a code in the login page's address: the page shows its own
/// fixed words for it, so a crafted link cannot put text of its choosing on the sign-in page.
/// </summary>
public static class ExternalLoginError
{
    public const string Failed = "failed";
    public const string Expired = "expired";
    public const string Locked = "locked";
    public const string EmailInUse = "email-in-use";

    public static string For(PortalException exception) => exception switch
    {
        ForbiddenException => Locked,
        ConflictException => EmailInUse,
        _ => Failed,
    };

    public static string? Message(string? code) => code switch
    {
        Failed => "Single sign-on did not complete. Try again, or sign in with your password.",
        Expired => "The sign-in form had expired. Try again.",
        Locked => "This account is locked. Ask an administrator to unlock it.",
        EmailInUse => "An account with your email exists, and the identity provider has not verified the address. Ask an administrator to link your account.",
        _ => null,
    };
}
