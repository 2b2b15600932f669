namespace AiNative.Portal.Client.Contracts.Traces;

/// <summary>After how many days traces lose their content; null keeps it.</summary>
public sealed record SetContentRetentionRequest(int? Days);
