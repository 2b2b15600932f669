using AiNative.Portal.Client.Contracts.Gateway;
using AiNative.Portal.Client.Contracts.Models;
using AiNative.Portal.Client.Contracts.Prompts;
using AiNative.Portal.Components.Pages.Gateway;

namespace AiNative.Portal.Tests.Gateway;

/// <summary>The Gateway page's route editor: its target lists offer prompt labels and versions beside models, and save them as the API takes them.</summary>
public sealed class RouteFormTests
{
    private static readonly Guid ModelId = Guid.CreateVersion7();

    [Fact]
    public void The_target_lists_offer_each_chat_model_each_prompt_label_and_each_pinned_version()
    {
        var model = new ModelDto(ModelId, Guid.CreateVersion7(), "Provider", ProviderKindDto.OpenAICompatible, "gpt-small", "gpt-small", ModelKindDto.Chat, 8_000, 1_000, 0, 0, null,
            new ModelSettingsDto(), null, DateTimeOffset.UnixEpoch);
        var prompt = new PromptSummaryDto(Guid.CreateVersion7(), "support", null, 2, [new PromptLabelDto("candidate", 2), new PromptLabelDto("production", 1)], DateTimeOffset.UnixEpoch);
        var empty = new PromptSummaryDto(Guid.CreateVersion7(), "draft", null, null, [], DateTimeOffset.UnixEpoch);

        var options = RouteTargetOption.Of([model], [prompt, empty]);

        Assert.Equal([ModelId.ToString(), "prompt:support@candidate", "prompt:support@production", "prompt:support#2", "prompt:support#1"], options.Select(o => o.Key));
        Assert.Equal("prompt:support@candidate (now v2)", options[1].Text);
    }

    [Fact]
    public void A_prompt_target_with_a_model_canary_is_saved_as_prompt_and_model_targets_and_read_back()
    {
        var form = new RouteForm { Name = " support-ab ", Target = "prompt:support@production", Canary = ModelId.ToString(), CanaryPercent = 25 };

        var request = form.ToRequest();
        var read = RouteForm.From(new GatewayRouteDto(Guid.CreateVersion7(), "support-ab", request.Targets, [], 60, 1, 0, RouteGuardDto.None, null, DateTimeOffset.UnixEpoch));

        Assert.Equal([new RouteTargetDto(null, 75, "prompt:support@production"), new RouteTargetDto(ModelId, 25)], request.Targets);
        Assert.Equal(("prompt:support@production", ModelId.ToString(), 25), (read.Target, read.Canary, read.CanaryPercent));
    }
}
