namespace AiNative.Portal.Client.Contracts.Traces;

public sealed record SetTracePrivacyRequest(TracePrivacyDto Privacy);
