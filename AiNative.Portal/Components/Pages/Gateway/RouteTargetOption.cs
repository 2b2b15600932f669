using AiNative.Portal.Client.Contracts.Models;
using AiNative.Portal.Client.Contracts.Prompts;

namespace AiNative.Portal.Components.Pages.Gateway;

/// <summary>A choice of the route form's target and canary lists: a chat model, a prompt's label, or a pinned prompt version.</summary>
internal sealed record RouteTargetOption(string Key, string Text)
{
    public static List<RouteTargetOption> Of(IEnumerable<ModelDto> chatModels, IEnumerable<PromptSummaryDto> prompts)
    {
        var options = chatModels.Select(m => new RouteTargetOption(m.Id.ToString(), m.Name)).ToList();
        foreach (var prompt in prompts.Where(p => p.LatestVersion is not null))
        {
            options.AddRange(prompt.Labels.Select(l => new RouteTargetOption($"prompt:{prompt.Name}@{l.Name}", $"prompt:{prompt.Name}@{l.Name} (now v{l.Version})")));
            options.AddRange(Enumerable.Range(1, prompt.LatestVersion!.Value).Reverse()
                .Select(v => new RouteTargetOption($"prompt:{prompt.Name}#{v}", $"prompt:{prompt.Name}#{v} (version {v}, pinned)")));
        }

        return options;
    }
}
