namespace AiNative.Portal.Client.Contracts.Prompts;

/// <summary>A chat model a version may use; <see cref="Note"/> says what a built-in model really is.</summary>
public sealed record ChatModelOptionDto(Guid Id, string Name, string ProviderName, int MaxOutputTokens, string? Note);
