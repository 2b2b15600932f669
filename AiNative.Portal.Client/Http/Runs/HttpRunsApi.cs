using System.Net.Http.Headers;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using AiNative.Portal.Client.Contracts;
using AiNative.Portal.Client.Contracts.Runs;
using Microsoft.AspNetCore.Components.WebAssembly.Http;

namespace AiNative.Portal.Client.Http.Runs;

internal sealed class HttpRunsApi(PortalApiClient api) : IRunsApi
{
    public async IAsyncEnumerable<RunEventDto> StreamAsync(
        StartRunRequest request,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var message = PortalApiClient.JsonRequest(HttpMethod.Post, api.TeamPath("runs"), request);
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));

        // Input that cannot be rendered is answered with problem details instead of a stream.
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/problem+json"));

        // In the browser, fetch then hands over the body as it arrives rather than at its end, and
        // cancelling the token aborts the fetch, which the portal records as a cancelled run.
        message.SetBrowserResponseStreamingEnabled(true);
        using var response = await api.SendAsync(message, cancellationToken, HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        var events = SseParser.Create(body, Parse).EnumerateAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
        await using (events)
        {
            while (await SseReading.MoveNextAsync(events, cancellationToken))
            {
                yield return events.Current.Data;
                if (events.Current.Data is RunCompletedEventDto or RunFailedEventDto)
                {
                    yield break;
                }
            }
        }

        throw SseReading.Interrupted();
    }

    public Task<RunPageDto> ListAsync(RunListQuery query, CancellationToken cancellationToken = default)
    {
        var filter = query.PromptId is { } promptId ? $"&promptId={promptId}" : string.Empty;
        return api.GetAsync<RunPageDto>(api.TeamPath($"runs?page={query.Page}&pageSize={query.PageSize}{filter}"), cancellationToken);
    }

    public Task<RunDetailsDto> GetAsync(Guid runId, bool settled = false, CancellationToken cancellationToken = default) =>
        api.GetAsync<RunDetailsDto>(api.TeamPath($"runs/{runId}{(settled ? "?settled=true" : string.Empty)}"), cancellationToken);

    private static RunEventDto Parse(string eventType, ReadOnlySpan<byte> data) =>
        JsonSerializer.Deserialize<RunEventDto>(data, PortalJson.Options)
        ?? throw new JsonException($"The portal sent an empty '{eventType}' event.");
}
