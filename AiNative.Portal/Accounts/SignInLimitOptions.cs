namespace AiNative.Portal.Accounts;

/// <summary>
/// How many sign-in attempts (form posts) one client address may make per window
/// (<c>Portal:Authentication:SignInLimit</c>). Identity's lockout protects each account; this
/// protects against one address trying many accounts.
/// </summary>
public sealed class SignInLimitOptions
{
    public const string Section = "Portal:Authentication:SignInLimit";

    public int PermitLimit { get; set; } = 20;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
