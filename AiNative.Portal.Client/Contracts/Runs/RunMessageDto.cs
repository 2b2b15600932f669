namespace AiNative.Portal.Client.Contracts.Runs;

/// <summary>A message exactly as sent to the model: <c>system</c> or <c>user</c>, and its text.</summary>
public sealed record RunMessageDto(string Role, string Content);
