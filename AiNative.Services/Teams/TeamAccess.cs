namespace AiNative.Services.Teams;

/// <summary>The team an operation runs in, the caller's role there, and who the caller is.</summary>
public sealed record TeamAccess(Guid TeamId, string TeamName, TeamRole Role, Actor Actor)
{
    /// <summary>Background work (ingestion, experiments, seeding) runs with full rights in its team.</summary>
    public static TeamAccess ForSystem(Guid teamId, string teamName) => new(teamId, teamName, TeamRole.Owner, Actor.System);
}
