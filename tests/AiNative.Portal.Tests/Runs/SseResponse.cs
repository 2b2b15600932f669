using System.Net.Http.Json;
using System.Net.ServerSentEvents;
using AiNative.Portal.Client.Contracts;

namespace AiNative.Portal.Tests.Runs;

/// <summary>A run's response read one server-sent event at a time, as a browser reads it.</summary>
internal sealed class SseResponse : IAsyncDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly IAsyncEnumerator<SseItem<string>> _events;

    private SseResponse(HttpResponseMessage response, Stream body)
    {
        _response = response;
        _events = SseParser.Create(body).EnumerateAsync(TestContext.Current.CancellationToken).GetAsyncEnumerator(TestContext.Current.CancellationToken);
    }

    public HttpResponseMessage Response => _response;

    /// <summary>Posts <paramref name="request"/> and returns as soon as the headers are in, before the body ends.</summary>
    public static async Task<SseResponse> PostAsync(HttpClient client, string path, object request)
    {
        var cancel = TestContext.Current.CancellationToken;
        using var message = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(request, request.GetType(), options: PortalJson.Options) };
        var response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancel);
        return new SseResponse(response, await response.Content.ReadAsStreamAsync(cancel));
    }

    /// <summary>Gets <paramref name="path"/> and returns as soon as the headers are in, before the body ends.</summary>
    public static async Task<SseResponse> GetAsync(HttpClient client, string path)
    {
        var cancel = TestContext.Current.CancellationToken;
        var response = await client.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, cancel);
        return new SseResponse(response, await response.Content.ReadAsStreamAsync(cancel));
    }

    /// <summary>The next event, or null when the stream has ended.</summary>
    public async Task<SseItem<string>?> NextAsync() => await _events.MoveNextAsync() ? _events.Current : null;

    public async Task<List<SseItem<string>>> RestAsync()
    {
        var rest = new List<SseItem<string>>();
        while (await NextAsync() is { } item)
        {
            rest.Add(item);
        }

        return rest;
    }

    public async ValueTask DisposeAsync()
    {
        await _events.DisposeAsync();
        _response.Dispose();
    }
}
