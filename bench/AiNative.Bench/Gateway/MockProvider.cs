using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AiNative.Bench.Gateway;

/// <summary>
/// An OpenAI-compatible provider on loopback that answers with a fixed completion, as JSON or as five streamed
/// chunks with usage: the baseline the gateway's added cost is measured against. <see cref="ModelAfter"/> names a
/// model that answers (or sends its first chunk) after a model-like delay; <see cref="Model"/> answers at once.
/// </summary>
public sealed class MockProvider : IAsyncDisposable
{
    public const string Model = "mock-chat";

    private const string DelaySuffix = "ms";

    private static readonly byte[] Completion = Encoding.UTF8.GetBytes(
        """{"id":"chatcmpl-mock","object":"chat.completion","created":1700000000,"model":"mock-chat","choices":[{"index":0,"message":{"role":"assistant","content":"The parcel left the warehouse this morning."},"finish_reason":"stop"}],"usage":{"prompt_tokens":12,"completion_tokens":8,"total_tokens":20}}""");

    private static readonly string[] Pieces = ["The parcel ", "left the ", "warehouse ", "this ", "morning."];

    private readonly WebApplication _app;

    private MockProvider(WebApplication app) => _app = app;

    /// <summary>The base URL to register as the provider's, ending in <c>/v1</c>.</summary>
    public Uri BaseUrl => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/v1");

    /// <summary>The model that answers after <paramref name="delayMs"/>: <c>mock-chat-after-50ms</c>.</summary>
    public static string ModelAfter(int delayMs) => delayMs == 0 ? Model : $"{Model}-after-{delayMs}{DelaySuffix}";

    public static async Task<MockProvider> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapPost("/v1/chat/completions", AnswerAsync);
        await app.StartAsync();
        return new MockProvider(app);
    }

    private static async Task AnswerAsync(HttpContext context)
    {
        using var body = await System.Text.Json.JsonDocument.ParseAsync(context.Request.Body);
        var streaming = body.RootElement.TryGetProperty("stream", out var stream) && stream.ValueKind == System.Text.Json.JsonValueKind.True;
        if (Delay(body.RootElement.GetProperty("model").GetString()!) is { } delay)
        {
            await Task.Delay(delay);
        }

        if (!streaming)
        {
            context.Response.ContentType = "application/json";
            await context.Response.Body.WriteAsync(Completion);
            return;
        }

        context.Response.ContentType = "text/event-stream";
        foreach (var piece in Pieces)
        {
            await context.Response.WriteAsync(
                $$"""data: {"id":"chatcmpl-mock","object":"chat.completion.chunk","created":1700000000,"model":"mock-chat","choices":[{"index":0,"delta":{"content":"{{piece}}"},"finish_reason":null}]}""" + "\n\n");
            await context.Response.Body.FlushAsync();
        }

        await context.Response.WriteAsync(
            """data: {"id":"chatcmpl-mock","object":"chat.completion.chunk","created":1700000000,"model":"mock-chat","choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}""" + "\n\n"
            + """data: {"id":"chatcmpl-mock","object":"chat.completion.chunk","created":1700000000,"model":"mock-chat","choices":[],"usage":{"prompt_tokens":12,"completion_tokens":8,"total_tokens":20}}""" + "\n\n"
            + "data: [DONE]\n\n");
    }

    private static TimeSpan? Delay(string model) =>
        model.StartsWith($"{Model}-after-", StringComparison.Ordinal) && model.EndsWith(DelaySuffix, StringComparison.Ordinal)
            ? TimeSpan.FromMilliseconds(int.Parse(model[($"{Model}-after-".Length)..^DelaySuffix.Length], System.Globalization.CultureInfo.InvariantCulture))
            : null;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
