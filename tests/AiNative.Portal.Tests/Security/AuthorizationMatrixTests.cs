using System.Net;
using System.Text;
using AiNative.Services.Teams;
using AiNative.Testing;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace AiNative.Portal.Tests.Security;

/// <summary>
/// Walks every HTTP endpoint the portal maps (read from its endpoint data source, so a new one cannot
/// be forgotten) as every kind of caller, with the sign-in cookie and with a personal access token,
/// and checks each answer against what the endpoint's metadata says.
/// </summary>
public sealed class AuthorizationMatrixTests : IAsyncLifetime
{
    private readonly PortalFactory _portal = new();
    private readonly Dictionary<Caller, HttpClient> _cookieClients = [];
    private readonly Dictionary<Caller, HttpClient> _tokenClients = [];
    private Guid _team;

    public async ValueTask InitializeAsync()
    {
        var admin = await _portal.CreateAdministratorAsync();
        _team = await _portal.CreateTeamAsync("Matrix");
        var otherTeam = await _portal.CreateTeamAsync("Other");
        var users = new Dictionary<Caller, PortalUser>
        {
            [Caller.Viewer] = await _portal.CreateUserAsync("viewer@example.com", "Vic Viewer", (_team, TeamRole.Viewer)),
            [Caller.Editor] = await _portal.CreateUserAsync("editor@example.com", "Eve Editor", (_team, TeamRole.Editor)),
            [Caller.Owner] = await _portal.CreateUserAsync("owner@example.com", "Olu Owner", (_team, TeamRole.Owner)),
            [Caller.OtherTeamsOwner] = await _portal.CreateUserAsync("stranger@example.com", "Sam Stranger", (otherTeam, TeamRole.Owner)),
            [Caller.Administrator] = admin,
        };

        _cookieClients[Caller.Anonymous] = _portal.CreateClient(new() { AllowAutoRedirect = false });
        _tokenClients[Caller.Anonymous] = _portal.CreateClient(new() { AllowAutoRedirect = false });
        foreach (var (caller, user) in users)
        {
            _cookieClients[caller] = await _portal.SignInAsync(user.Email!);
            _tokenClients[caller] = _portal.CreateTokenClient(await _portal.CreateAccessTokenAsync(user.Id));
        }
    }

    public ValueTask DisposeAsync()
    {
        _portal.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Every_endpoint_answers_every_caller_as_its_metadata_says_with_a_cookie_and_with_a_token()
    {
        var endpoints = Endpoints();
        List<string> failures = [];

        foreach (var endpoint in endpoints.OrderBy(e => e.Pattern, StringComparer.Ordinal))
        {
            foreach (var caller in Enum.GetValues<Caller>())
            {
                var withCookie = await CheckAsync(endpoint, caller, viaToken: false, failures);
                var withToken = await CheckAsync(endpoint, caller, viaToken: true, failures);
                if (caller != Caller.Anonymous && endpoint.IsApi && !endpoint.ForBrowserSessions && Outcome(withCookie) != Outcome(withToken))
                {
                    failures.Add($"{endpoint} as {caller}: {(int)withCookie} with the cookie but {(int)withToken} with a token");
                }
            }
        }

        Assert.Contains(endpoints, e => e.ToString() == "POST /api/teams/{teamId:guid}/members");
        Assert.Contains(endpoints, e => e.ToString() == "DELETE /api/admin/teams/{teamId:guid}");
        Assert.Contains(endpoints, e => e.ToString() == "POST /api/account/tokens");
        Assert.True(failures.Count == 0, $"{failures.Count} answer(s) differ from the endpoints' metadata:\n{string.Join('\n', failures)}");
    }

    /// <summary>What the caller must be answered, derived from the endpoint's metadata alone.</summary>
    internal static Expectation Expect(MatrixEndpoint endpoint, Caller caller, bool viaToken)
    {
        if (!endpoint.RequiresSignIn)
        {
            return Expectation.Allowed;
        }

        // Without a session, pages and their like lead to sign-in; a token opens only the API.
        if (caller == Caller.Anonymous || (viaToken && !endpoint.AcceptsTokens))
        {
            return endpoint.IsApi ? Expectation.Refused(HttpStatusCode.Unauthorized) : Expectation.SignInPage;
        }

        if (endpoint.ForBrowserSessions && viaToken)
        {
            return Expectation.Refused(HttpStatusCode.Forbidden);
        }

        if (endpoint.ForAdministrators)
        {
            return caller == Caller.Administrator ? Expectation.Allowed : Expectation.Refused(HttpStatusCode.Forbidden);
        }

        if (!endpoint.IsTeamScoped)
        {
            return Expectation.Allowed;
        }

        TeamRole? role = caller switch
        {
            Caller.Viewer => TeamRole.Viewer,
            Caller.Editor => TeamRole.Editor,
            Caller.Owner => TeamRole.Owner,
            _ => null,
        };
        return role is null ? Expectation.Refused(HttpStatusCode.NotFound)
            : role >= endpoint.TeamRole ? Expectation.Allowed
            : Expectation.Refused(HttpStatusCode.Forbidden);
    }

    private List<MatrixEndpoint> Endpoints() =>
        _portal.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ComponentTypeMetadata>() is null)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(method => new MatrixEndpoint(e, method)))
            .Where(e => e.IsApi || e.RequiresSignIn)
            .ToList();

    /// <summary>A refusal by its status; any other answer (200, 400 for an empty body, 404 for a random id) as let through.</summary>
    private static string Outcome(HttpStatusCode status) =>
        status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden ? ((int)status).ToString() : "let through";

    private async Task<HttpStatusCode> CheckAsync(MatrixEndpoint endpoint, Caller caller, bool viaToken, List<string> failures)
    {
        // Administration routes get a team of their own for each request: an administrator may delete the team it names.
        var teamId = endpoint.ForAdministrators && endpoint.HasTeamId ? await _portal.CreateTeamAsync($"Spare {Guid.NewGuid():N}") : _team;
        var path = endpoint.Path(teamId);
        using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), path);
        if (endpoint.IsUnsafe)
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        var client = (viaToken ? _tokenClients : _cookieClients)[caller];
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var expected = Expect(endpoint, caller, viaToken);
        var problem = expected.Check(response) ?? RefusalWithoutProblem(endpoint, response);
        if (problem is not null)
        {
            failures.Add($"{endpoint.Method} {path} ({endpoint.Pattern}) as {caller} with {(viaToken ? "a token" : "the cookie")}: {problem}");
        }

        return response.StatusCode;
    }

    /// <summary>Every refusal of the API says why, as problem details.</summary>
    private static string? RefusalWithoutProblem(MatrixEndpoint endpoint, HttpResponseMessage response) =>
        endpoint.IsApi && response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound
            && response.Content.Headers.ContentType?.MediaType != "application/problem+json"
            ? $"a {(int)response.StatusCode} without problem details"
            : null;
}
