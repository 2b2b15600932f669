using System.Net;
using System.Net.Http.Json;
using AiNative.Portal.Client.Contracts;
using AiNative.Portal.Client.Contracts.Knowledge;
using AiNative.Portal.Tests.Knowledge;
using AiNative.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AiNative.Portal.Tests.Platform;

public sealed class UnexpectedErrorTests : IAsyncLifetime
{
    private readonly CapturedLogs _logs = new();
    private readonly FakeKnowledgeApi _knowledge = new() { Search = _ => throw new InvalidOperationException("The index file is torn.") };
    private readonly PortalFactory _portal;
    private HttpClient _client = null!;

    public UnexpectedErrorTests() =>
        _portal = new PortalFactory().WithServices(services =>
        {
            services.AddSingleton<ILoggerProvider>(_logs);
            services.AddScoped<IKnowledgeApi>(_ => _knowledge);
        });

    public async ValueTask InitializeAsync()
    {
        await _portal.CreateAdministratorAsync();
        _client = await _portal.SignInAsync();
    }

    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        _portal.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task An_unexpected_failure_is_logged_with_the_trace_id_its_answer_names()
    {
        var team = await _portal.DemoTeamIdAsync();

        var response = await _client.PostAsJsonAsync($"/api/teams/{team}/knowledge/search", new SearchRequestDto("Support", "refunds"),
            PortalJson.Options, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ApiProblem>(PortalJson.Options, TestContext.Current.CancellationToken);
        var traceId = problem!.Detail!.Split("trace id ")[1].Split('.')[0];
        var logged = Assert.Single(_logs.Entries, e => e.Level == LogLevel.Error && e.Message.Contains(traceId));
        Assert.Equal("The index file is torn.", logged.Exception?.Message);
    }
}
