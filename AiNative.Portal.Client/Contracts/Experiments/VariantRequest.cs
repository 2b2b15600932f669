namespace AiNative.Portal.Client.Contracts.Experiments;

/// <summary>
/// A variant to run: a prompt version by number, or by a label (resolved when the experiment is created); a model
/// instead of the version's; settings instead of the version's. A name is made up when none is given.
/// </summary>
public sealed record VariantRequest(
    Guid PromptId,
    int? PromptVersion = null,
    string? PromptLabel = null,
    Guid? ModelId = null,
    float? Temperature = null,
    float? TopP = null,
    int? MaxOutputTokens = null,
    string? Name = null);
