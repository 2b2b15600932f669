using Microsoft.AspNetCore.Identity;

namespace AiNative.Services.Teams;

/// <summary>A person who signs in to the portal (ASP.NET Core Identity account).</summary>
public sealed class PortalUser : IdentityUser<Guid>
{
    public PortalUser()
    {
        Id = Guid.CreateVersion7();
        SecurityStamp = Guid.NewGuid().ToString();
    }

    public required string DisplayName { get; set; }

    /// <summary>Administrators manage teams and users; they see a team's objects only as its members.</summary>
    public bool IsAdministrator { get; set; }

    /// <summary>Set for accounts created with a one-time password; sign-in asks for a new one first.</summary>
    public bool MustChangePassword { get; set; }

    /// <summary>The team the user last switched to; the portal opens in it.</summary>
    public Guid? CurrentTeamId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public List<TeamMembership> Memberships { get; set; } = [];
}
