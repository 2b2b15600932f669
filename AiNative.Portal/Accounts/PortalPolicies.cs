namespace AiNative.Portal.Accounts;

/// <summary>Authorization policies beyond "signed in"; team roles are decided by the team endpoint filter.</summary>
public static class PortalPolicies
{
    /// <summary>Portal administrators (read from the database on every request).</summary>
    public const string Administrator = "Administrator";

    /// <summary>A person in a browser session: refuses personal access tokens.</summary>
    public const string BrowserSession = "BrowserSession";
}
