namespace AiNative.Services.Models.Network;

/// <summary>
/// Thrown while connecting to a provider whose address the portal refuses. The HTTP handler wraps it
/// in an <see cref="HttpRequestException"/>; the invocation path turns it into a clear failure.
/// </summary>
public sealed class ProviderAddressRefusedException(string message) : Exception(message);
