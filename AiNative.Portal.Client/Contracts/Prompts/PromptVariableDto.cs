namespace AiNative.Portal.Client.Contracts.Prompts;

/// <summary>A variable of a version's templates; a null default means a value must be given when rendering.</summary>
public sealed record PromptVariableDto(string Name, string? DefaultValue = null, string? Description = null);
