using System.Text;

namespace AiNative.Services.Teams;

/// <summary>Turns a team's name into its URL-safe slug: "Search & Ranking" → "search-ranking".</summary>
public static class TeamSlug
{
    public const int MaxLength = 100;

    public static string From(string name)
    {
        var slug = new StringBuilder(name.Length);
        foreach (var c in name.Trim().ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var result = slug.ToString().TrimEnd('-');
        result = result.Length > MaxLength ? result[..MaxLength].TrimEnd('-') : result;
        return result.Length == 0 ? "team" : result;
    }
}
