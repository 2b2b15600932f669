using System.Net.Http.Json;
using AiNative.Portal.Client.Contracts;

namespace AiNative.Portal.Client.Http;

/// <summary>
/// The one way the browser talks to the portal's HTTP API: JSON in the API's shape, team-scoped
/// paths, and failures turned into <see cref="ApiException"/> with the server's problem details.
/// </summary>
public sealed class PortalApiClient(HttpClient http, CurrentTeam team)
{
    /// <summary>Sent with every request; the API refuses cookie-authenticated changes without it (CSRF).</summary>
    public const string ClientHeader = "X-AiNative-Client";

    public HttpClient Http => http;

    /// <summary><c>api/teams/{current team}/{relative}</c>.</summary>
    public string TeamPath(string relative) => $"api/teams/{team.Id}/{relative.TrimStart('/')}";

    public async Task<T> GetAsync<T>(string path, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, path), cancellationToken);
        return await ReadAsync<T>(response, cancellationToken);
    }

    public async Task<T> SendJsonAsync<T>(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(JsonRequest(method, path, body), cancellationToken);
        return await ReadAsync<T>(response, cancellationToken);
    }

    public async Task SendJsonAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(JsonRequest(method, path, body), cancellationToken);
    }

    /// <summary>Sends the request; a non-success answer becomes an <see cref="ApiException"/>.</summary>
    public async Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request,
        CancellationToken cancellationToken,
        HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead)
    {
        request.Headers.Add(ClientHeader, "web");
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, completion, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new ApiException(new ApiProblem(0, "The portal cannot be reached", "Check your connection and try again."), e);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            throw new ApiException(await ReadProblemAsync(response, cancellationToken));
        }
    }

    public static HttpRequestMessage JsonRequest(HttpMethod method, string path, object? body) => new(method, path)
    {
        Content = body is null ? null : JsonContent.Create(body, body.GetType(), options: PortalJson.Options),
    };

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken) =>
        await response.Content.ReadFromJsonAsync<T>(PortalJson.Options, cancellationToken)
        ?? throw new ApiException(new ApiProblem(500, "The portal sent an empty answer"));

    private static async Task<ApiProblem> ReadProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        try
        {
            var problem = await response.Content.ReadFromJsonAsync<ProblemBody>(PortalJson.Options, cancellationToken);
            if (problem?.Title is not null)
            {
                return new ApiProblem(status, problem.Title, problem.Detail, problem.Errors);
            }
        }
        catch (System.Text.Json.JsonException)
        {
            // Not problem details (a proxy's page, say): fall through to the status text.
        }

        return new ApiProblem(status, response.ReasonPhrase ?? $"HTTP {status}", status switch
        {
            401 => "Your session has ended. Sign in again.",
            403 => "Your role does not allow this.",
            404 => "It was not found; it may have been deleted.",
            _ => null,
        });
    }

    private sealed record ProblemBody(string? Title, string? Detail, Dictionary<string, string[]>? Errors);
}
