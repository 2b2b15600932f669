using AiNative.Portal.Client.Contracts.Knowledge;
using AiNative.Portal.Client.Contracts.Models;
using AiNative.Portal.Tests.Components;
using AiNative.Portal.Tests.Models;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace AiNative.Portal.Tests.Knowledge;

/// <summary>bUnit on an interactive server renderer with the fake knowledge base and a registry holding the offline chat model.</summary>
public abstract class KnowledgeComponentTest : PortalComponentTest
{
    protected KnowledgeComponentTest()
    {
        Services.AddSingleton<IKnowledgeApi>(Api);
        Services.AddSingleton<IModelsApi>(Models);
        Models.Models.Add(new ModelDto(Guid.CreateVersion7(), Guid.CreateVersion7(), "Offline", ProviderKindDto.Offline, "offline-chat", "offline-chat",
            ModelKindDto.Chat, 8_192, 1_024, 0, 0, null, new ModelSettingsDto(), "Extractive responder.", DateTimeOffset.UtcNow));
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    internal FakeKnowledgeApi Api { get; } = new();

    internal FakeModelsApi Models { get; } = new();
}
