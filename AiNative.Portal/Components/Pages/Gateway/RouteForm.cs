using AiNative.Portal.Client.Contracts.Gateway;

namespace AiNative.Portal.Components.Pages.Gateway;

/// <summary>
/// The route form: a target, an optional canary with its share, an optional fallback, the cache and the JSON guard.
/// A target or canary is a chat model (its id) or a prompt reference (<c>prompt:name@label</c>, <c>prompt:name#3</c>).
/// </summary>
internal sealed class RouteForm
{
    public string Name { get; set; } = string.Empty;

    public string? Target { get; set; }

    public string? Canary { get; set; }

    public int CanaryPercent { get; set; } = 10;

    public Guid? Fallback { get; set; }

    public int CacheSeconds { get; set; }

    public bool RequireJson { get; set; }

    /// <summary>A schema saved through the API, kept while the form leaves the guard on.</summary>
    public string? Schema { get; set; }

    /// <summary>The key a target has in the form's lists: the prompt reference, or the model's id.</summary>
    public static string KeyOf(RouteTargetDto target) => target.Prompt ?? target.ModelId?.ToString() ?? string.Empty;

    public static RouteForm From(GatewayRouteDto route)
    {
        var total = route.Targets.Sum(t => t.Weight);
        var canary = route.Targets.Skip(1).FirstOrDefault();
        return new RouteForm
        {
            Name = route.Name,
            Target = route.Targets.FirstOrDefault() is { } first ? KeyOf(first) : null,
            Canary = canary is null ? null : KeyOf(canary),
            CanaryPercent = canary is null || total == 0 ? 10 : (int)Math.Round(100.0 * canary.Weight / total),
            Fallback = route.Fallbacks.FirstOrDefault() is var fallback && fallback != Guid.Empty ? fallback : null,
            CacheSeconds = route.CacheSeconds,
            RequireJson = route.Guard != RouteGuardDto.None,
            Schema = route.JsonSchema,
        };
    }

    /// <summary>Weights are percentages: the target gets what the canary leaves.</summary>
    public SaveGatewayRouteRequest ToRequest()
    {
        List<RouteTargetDto> targets = Target is { } target ? [TargetOf(target, Canary is null ? 100 : 100 - CanaryPercent)] : [];
        if (Canary is { } canary)
        {
            targets.Add(TargetOf(canary, CanaryPercent));
        }

        return new SaveGatewayRouteRequest(Name.Trim(), targets, Fallback is { } fallback ? [fallback] : [],
            CacheSeconds: CacheSeconds,
            Guard: !RequireJson ? RouteGuardDto.None : Schema is null ? RouteGuardDto.Json : RouteGuardDto.JsonSchema,
            JsonSchema: RequireJson ? Schema : null);
    }

    private static RouteTargetDto TargetOf(string key, int weight) =>
        Guid.TryParse(key, out var modelId) ? new RouteTargetDto(modelId, weight) : new RouteTargetDto(null, weight, key);
}
