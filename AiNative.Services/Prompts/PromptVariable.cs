namespace AiNative.Services.Prompts;

/// <summary>A variable a prompt version's templates use, with the value it takes when none is given.</summary>
public sealed record PromptVariable
{
    public required string Name { get; init; }

    /// <summary>Null means no default: rendering then needs a value.</summary>
    public string? DefaultValue { get; init; }

    public string? Description { get; init; }
}
