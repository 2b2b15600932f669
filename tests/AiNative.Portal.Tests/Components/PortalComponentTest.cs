using AiNative.Portal.Client.Contracts.Session;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace AiNative.Portal.Tests.Components;

/// <summary>A bUnit context with MudBlazor's services, and sessions in each role.</summary>
public abstract class PortalComponentTest : BunitContext
{
    protected PortalComponentTest()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    protected static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    /// <summary>Renders a component after MudBlazor's popover host, which menus and selects need (register services first).</summary>
    protected IRenderedComponent<TComponent> RenderWithPopovers<TComponent>(Action<ComponentParameterCollectionBuilder<TComponent>> parameters)
        where TComponent : IComponent
    {
        Render<MudPopoverProvider>();
        return Render(parameters);
    }

    protected static SessionDto SessionAs(TeamRoleDto role, bool isAdministrator = false)
    {
        var team = new TeamSummaryDto(Guid.CreateVersion7(), "Research", "research", role);
        return new SessionDto(Guid.CreateVersion7(), "Pat Person", "pat@example.com", isAdministrator, team, [team]);
    }
}
