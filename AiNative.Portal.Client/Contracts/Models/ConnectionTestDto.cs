namespace AiNative.Portal.Client.Contracts.Models;

/// <summary>The result of testing a provider: outcome, the provider's HTTP status when it answered, latency and the model ids found.</summary>
public sealed record ConnectionTestDto(
    ConnectionOutcomeDto Outcome,
    int? ProviderStatus,
    double LatencyMs,
    ConnectionProbeDto Probe,
    IReadOnlyList<string> ModelIds,
    string Message);
