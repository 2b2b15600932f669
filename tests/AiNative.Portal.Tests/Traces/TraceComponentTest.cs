using AiNative.Portal.Client.Contracts.Prompts;
using AiNative.Portal.Client.Contracts.Traces;
using AiNative.Portal.Tests.Components;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace AiNative.Portal.Tests.Traces;

/// <summary>bUnit on an interactive server renderer with the fake traces API and one prompt to filter by.</summary>
public abstract class TraceComponentTest : PortalComponentTest
{
    protected TraceComponentTest()
    {
        Services.AddSingleton<ITracesApi>(Api);
        Services.AddSingleton<IPromptsApi>(new PromptListApi());
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    internal FakeTracesApi Api { get; } = new();
}
