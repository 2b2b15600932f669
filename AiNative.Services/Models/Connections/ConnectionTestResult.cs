namespace AiNative.Services.Models.Connections;

/// <summary>What testing a provider found: the outcome, the provider's HTTP status when it answered, and the models it offers.</summary>
/// <param name="UnlistedModels">Names of the team's models of this provider whose ids the provider does not list (a typo, or a model not pulled yet).</param>
public sealed record ConnectionTestResult(
    ConnectionOutcome Outcome,
    int? ProviderStatus,
    TimeSpan Latency,
    ConnectionProbe Probe,
    IReadOnlyList<string> ModelIds,
    string Message,
    IReadOnlyList<string> UnlistedModels);
