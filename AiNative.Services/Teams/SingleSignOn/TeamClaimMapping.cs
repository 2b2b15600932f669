namespace AiNative.Services.Teams.SingleSignOn;

/// <summary>
/// Reads team memberships from the values of the identity provider's teams claim. A value is
/// <c>team-slug:Role</c> (<c>research:Editor</c>); a bare <c>team-slug</c> means Viewer; a leading
/// <c>/</c> (Keycloak's group paths) is ignored. Values with an unknown role are skipped, and a
/// team named twice gets the higher role.
/// </summary>
public static class TeamClaimMapping
{
    public static IReadOnlyDictionary<string, TeamRole> Parse(IEnumerable<string> values)
    {
        var memberships = new Dictionary<string, TeamRole>(StringComparer.Ordinal);
        foreach (var raw in values)
        {
            var value = raw.Trim().TrimStart('/');
            var separator = value.LastIndexOf(':');
            var slug = (separator < 0 ? value : value[..separator]).Trim().ToLowerInvariant();
            TeamRole role;
            if (separator < 0)
            {
                role = TeamRole.Viewer;
            }
            else if (!Enum.TryParse(value[(separator + 1)..].Trim(), ignoreCase: true, out role) || !Enum.IsDefined(role))
            {
                continue;
            }

            if (slug.Length > 0 && (!memberships.TryGetValue(slug, out var existing) || existing < role))
            {
                memberships[slug] = role;
            }
        }

        return memberships;
    }
}
