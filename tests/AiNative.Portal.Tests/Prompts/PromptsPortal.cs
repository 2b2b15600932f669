using AiNative.Testing;

namespace AiNative.Portal.Tests.Prompts;

/// <summary>One portal for a test class: the administrator signed in and owning the demo team.</summary>
public sealed class PromptsPortal : IAsyncLifetime
{
    public PortalFactory Portal { get; } = new();

    public HttpClient Admin { get; private set; } = null!;

    public Guid DemoTeam { get; private set; }

    public async ValueTask InitializeAsync()
    {
        await Portal.CreateAdministratorAsync();
        Admin = await Portal.SignInAsync();
        DemoTeam = await Portal.DemoTeamIdAsync();
    }

    /// <summary><c>/api/teams/{demo team}/prompts{relative}</c>.</summary>
    public string Prompts(string relative = "") => $"/api/teams/{DemoTeam}/prompts{relative}";

    public ValueTask DisposeAsync()
    {
        Admin.Dispose();
        Portal.Dispose();
        return ValueTask.CompletedTask;
    }
}
