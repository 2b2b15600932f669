namespace AiNative.Portal.Client.Contracts.Prompts;

public sealed record CreatePromptRequest(string Name, string? Description = null);
