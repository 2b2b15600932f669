namespace AiNative.Services.Experiments.Planning;

/// <summary>
/// One variant: a prompt version by number, or by a label (resolved to its version when the experiment is created);
/// a model instead of the version's; settings instead of the version's. A name is made up when none is given.
/// </summary>
public sealed record VariantInput
{
    public string? Name { get; init; }

    public Guid PromptId { get; init; }

    public int? PromptVersion { get; init; }

    public string? PromptLabel { get; init; }

    public Guid? ModelId { get; init; }

    public float? Temperature { get; init; }

    public float? TopP { get; init; }

    public int? MaxOutputTokens { get; init; }
}
