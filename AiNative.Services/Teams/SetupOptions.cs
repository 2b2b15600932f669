namespace AiNative.Services.Teams;

/// <summary>
/// The first administrator for unattended installs (<c>Portal:Setup</c>); when the email is set
/// and the portal has no account yet, it is created at start-up instead of asked for in the browser.
/// </summary>
public sealed class SetupOptions
{
    public const string Section = "Portal:Setup";

    public string? AdministratorEmail { get; set; }

    public string? AdministratorPassword { get; set; }

    public string? AdministratorName { get; set; }
}
