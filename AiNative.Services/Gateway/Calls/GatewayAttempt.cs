namespace AiNative.Services.Gateway.Calls;

/// <summary>One try of one model for a gateway request, and why it failed if it did.</summary>
public sealed record GatewayAttempt(string Model, bool Succeeded, string? Failure, double DurationMs);
