namespace AiNative.Services.Models.Connections;

/// <summary>What testing a provider found: the outcome, the provider's HTTP status when it answered, and the models it offers.</summary>
public sealed record ConnectionTestResult(
    ConnectionOutcome Outcome,
    int? ProviderStatus,
    TimeSpan Latency,
    ConnectionProbe Probe,
    IReadOnlyList<string> ModelIds,
    string Message);
