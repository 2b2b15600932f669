namespace AiNative.Services.Teams;

/// <summary>
/// An entity that belongs to one team. The database context filters every query by the current
/// team and stamps new entities with it, so a team never reads or writes another's objects.
/// </summary>
public interface ITeamOwned
{
    Guid TeamId { get; set; }
}
