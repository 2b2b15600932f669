namespace AiNative.Portal.Client.Contracts.Models;

/// <summary>The result of testing a provider: outcome, the provider's HTTP status when it answered, latency and the model ids found.</summary>
/// <param name="UnlistedModels">Names of the team's models of this provider whose ids the provider does not list.</param>
public sealed record ConnectionTestDto(
    ConnectionOutcomeDto Outcome,
    int? ProviderStatus,
    double LatencyMs,
    ConnectionProbeDto Probe,
    IReadOnlyList<string> ModelIds,
    string Message,
    IReadOnlyList<string> UnlistedModels);
