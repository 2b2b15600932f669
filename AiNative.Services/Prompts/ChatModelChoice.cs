namespace AiNative.Services.Prompts;

/// <summary>A chat model a version may name; <see cref="Note"/> says what a built-in model really is.</summary>
public sealed record ChatModelChoice(Guid Id, string Name, string ProviderName, int MaxOutputTokens, string? Note);
