namespace AiNative.Portal.Client.Contracts.Prompts;

/// <summary>A new name and description for a prompt; its versions stay as they are.</summary>
public sealed record UpdatePromptRequest(string Name, string? Description = null);
