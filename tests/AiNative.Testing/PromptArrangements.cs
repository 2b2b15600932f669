using AiNative.Services.Models;
using AiNative.Services.Prompts;

namespace AiNative.Testing;

/// <summary>Prompts as tests arrange them: one version per system message, all on one model, and labels pointed at them.</summary>
public static class PromptArrangements
{
    /// <summary>Creates prompt <paramref name="name"/> with a version per system message (version 1 has the first) and the user template <paramref name="userTemplate"/>.</summary>
    public static async Task<Guid> AddPromptAsync(this TeamScope scope, string name, Guid modelId, IReadOnlyList<string> systemMessages, string userTemplate = "")
    {
        var promptId = (await scope.Get<PromptRegistry>().CreateAsync(name, null, CancellationToken.None)).Id;
        foreach (var system in systemMessages)
        {
            await scope.Get<PromptVersions>().CreateAsync(promptId, new NewPromptVersion(system, userTemplate, [], modelId, new GenerationSettings(), system), CancellationToken.None);
        }

        return promptId;
    }

    public static Task<PromptLabel> LabelAsync(this TeamScope scope, Guid promptId, string label, int version) =>
        scope.Get<PromptLabels>().MoveAsync(promptId, label, version, CancellationToken.None);
}
