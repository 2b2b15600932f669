namespace AiNative.Portal.Tests.Security;

/// <summary>Who calls an endpoint in the authorisation matrix.</summary>
public enum Caller
{
    Anonymous,

    /// <summary>The owner of another team: must learn nothing about the matrix team (404).</summary>
    OtherTeamsOwner,

    Viewer,
    Editor,
    Owner,

    /// <summary>A portal administrator who is not a member of the matrix team.</summary>
    Administrator,
}
