namespace AiNative.Services.Traces;

/// <summary>One message sent to or returned by a model.</summary>
public sealed record TraceMessage(string Role, string Content);
