using System.Globalization;
using AiNative.Portal.Client.Contracts.Audit;

namespace AiNative.Portal.Client.Http.Audit;

/// <summary>The query string of an audit query; times in ISO 8601 with their offset, escaped.</summary>
internal static class AuditQueryString
{
    public static string Of(AuditQueryDto query)
    {
        var parts = new List<string>
        {
            $"page={query.Page.ToString(CultureInfo.InvariantCulture)}",
            $"pageSize={query.PageSize.ToString(CultureInfo.InvariantCulture)}",
        };
        if (query.ActorId is { } actor)
        {
            parts.Add($"actorId={actor}");
        }

        if (!string.IsNullOrEmpty(query.ObjectKind))
        {
            parts.Add($"objectKind={Uri.EscapeDataString(query.ObjectKind)}");
        }

        if (query.From is { } from)
        {
            parts.Add($"from={Uri.EscapeDataString(from.ToString("O", CultureInfo.InvariantCulture))}");
        }

        if (query.To is { } to)
        {
            parts.Add($"to={Uri.EscapeDataString(to.ToString("O", CultureInfo.InvariantCulture))}");
        }

        return "?" + string.Join('&', parts);
    }
}
