namespace AiNative.Portal.Client.Contracts.Prompts;

/// <summary>The version number a label should point at.</summary>
public sealed record MoveLabelRequest(int Version);
