using AiNative.Services.Models;

namespace AiNative.Services.Gateway.Calls;

/// <summary>
/// One thing a request may be answered by: <paramref name="Target"/> as the headers and the log name it (a model's name,
/// or a prompt reference such as <c>prompt:support@candidate</c>), the model that runs, and the prompt version whose
/// rendered messages and settings it sends (null: the request's own messages). A route's fallback models after a prompt
/// target carry that prompt too, so a fallback changes the model and nothing else.
/// </summary>
public sealed record GatewayCandidate(string Target, ModelDefinition Model, PromptBinding? Prompt)
{
    /// <summary>How an attempt names it: the target, and for a prompt the version and model it ran.</summary>
    public string Description => Prompt is { } prompt && Target != Model.Name ? $"{Target} (v{prompt.Version} on {Model.Name})" : Target;
}
