using AiNative.Portal.Client.Contracts.Models;
using AiNative.Portal.Client.Contracts.Session;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace AiNative.Portal.Tests.Models;

/// <summary>bUnit with MudBlazor's services, an interactive server renderer and the fake registry.</summary>
public abstract class ComponentTest : BunitContext
{
    protected ComponentTest()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton<IModelsApi>(Api);
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    internal FakeModelsApi Api { get; } = new();

    protected static SessionDto SessionAs(TeamRoleDto role)
    {
        var team = new TeamSummaryDto(Guid.NewGuid(), "Demo team", "demo", role);
        return new SessionDto(Guid.NewGuid(), "Vera Member", "vera@example.com", false, team, [team]);
    }
}
