using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AiNative.Testing;

/// <summary>
/// A local stand-in for an OpenAI-compatible provider on 127.0.0.1, speaking the real wire format:
/// <c>/v1/models</c>, <c>/v1/chat/completions</c> (JSON and SSE streaming with usage) and
/// <c>/v1/embeddings</c> (float and base64), and Ollama's model list <c>/api/tags</c> (at
/// <see cref="OllamaBaseUrl"/>). Special model ids and keys produce the provider errors the portal must handle.
/// </summary>
public sealed class FakeOpenAiServer : IAsyncDisposable
{
    public const string ApiKey = "test-key";
    public const string ChatModel = "fake-chat";
    public const string EmbeddingModel = "fake-embed";

    /// <summary>Answers 404 <c>model_not_found</c>.</summary>
    public const string MissingModel = "fake-missing";

    /// <summary>Answers 429 <c>rate_limit_exceeded</c> with <c>Retry-After: 1</c>.</summary>
    public const string RateLimitedModel = "fake-rate-limited";

    /// <summary>Answers 500 <c>server_error</c>.</summary>
    public const string BrokenModel = "fake-broken";

    /// <summary>
    /// Answers 200 with a web page instead of JSON; when streaming, sends one chunk and then drops
    /// the connection.
    /// </summary>
    public const string GarbledModel = "fake-garbled";

    /// <summary>Answers 400 with a message that quotes the key the request sent, as some providers do.</summary>
    public const string KeyEchoingModel = "fake-key-echo";

    /// <summary>Waits <see cref="SlowDelay"/> before answering.</summary>
    public const string SlowModel = "fake-slow";

    public const int EmbeddingDimensions = 64;

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<int> _failures = new();
    private TaskCompletionSource _held = Released();

    private FakeOpenAiServer(WebApplication app) => _app = app;

    /// <summary>The base URL to register, ending in <c>/v1</c>.</summary>
    public string BaseUrl { get; private set; } = string.Empty;

    /// <summary>The base URL to register for Ollama's native API (its model list answers with the <c>:latest</c> tags).</summary>
    public string OllamaBaseUrl => BaseUrl[..^"/v1".Length];

    /// <summary>How long <see cref="SlowModel"/> waits; longer than the timeouts tests set.</summary>
    public TimeSpan SlowDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long <c>/v1/models</c> waits before answering, for connection tests that time out; none by default.</summary>
    public TimeSpan ModelsDelay { get; set; } = TimeSpan.Zero;

    /// <summary>The pause between streamed chunks, so streaming is visible in a browser.</summary>
    public TimeSpan ChunkDelay { get; set; } = TimeSpan.FromMilliseconds(30);

    /// <summary>The reply for a chat request; by default it echoes the last user message.</summary>
    public Func<IReadOnlyList<(string Role, string Content)>, string> Reply { get; set; } =
        messages => $"Echo: {messages.LastOrDefault(m => m.Role == "user").Content}";

    /// <summary>Every request the server received: path and JSON body.</summary>
    public ConcurrentQueue<(string Path, JsonNode? Body)> Requests { get; } = new();

    /// <summary>Every chat request with the time it arrived and its last user message, in arrival order.</summary>
    public ConcurrentQueue<(DateTimeOffset At, string UserMessage)> ChatArrivals { get; } = new();

    /// <summary>
    /// A failure to answer a chat request with, chosen from its messages (null answers normally): a status and, for a
    /// 429, the <c>Retry-After</c> to send. Lets a test fail one cell of many, whatever order they run in.
    /// </summary>
    public Func<IReadOnlyList<(string Role, string Content)>, FakeFailure?>? FailWhen { get; set; }

    /// <summary>Raised when a chat request arrives (on the server's thread, before it is answered), with its last user message.</summary>
    public event Action<string>? ChatArrived;

    /// <summary>Raised when a request's body has been read and added to <see cref="Requests"/>, with its path.</summary>
    private event Action<string>? RequestArrived;

    /// <summary>Completes once a request to <paramref name="path"/> has arrived (and is being answered).</summary>
    public async Task WaitForRequestAsync(string path, CancellationToken cancellationToken)
    {
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnArrived(string arrivedPath)
        {
            if (arrivedPath == path)
            {
                arrived.TrySetResult();
            }
        }

        // Listen first, then look: a request that came before listening is in Requests, one after raises the event.
        RequestArrived += OnArrived;
        try
        {
            if (!Requests.Any(r => r.Path == path))
            {
                await arrived.Task.WaitAsync(cancellationToken);
            }
        }
        finally
        {
            RequestArrived -= OnArrived;
        }
    }

    public static async Task<FakeOpenAiServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeOpenAiServer(app);
        server.Map(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = $"{address}/v1";
        return server;
    }

    /// <summary>The next <paramref name="count"/> requests fail with <paramref name="status"/>, whatever the model.</summary>
    public void FailNext(int count, int status)
    {
        for (var i = 0; i < count; i++)
        {
            _failures.Enqueue(status);
        }
    }

    /// <summary>
    /// Streams pause after their first chunk until <see cref="ReleaseStreams"/>, so a test sees a
    /// stream that has started and cannot have ended, without depending on timing.
    /// </summary>
    public void HoldStreams() => _held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Lets held streams go on, and new ones run through.</summary>
    public void ReleaseStreams() => _held.TrySetResult();

    public async ValueTask DisposeAsync()
    {
        ReleaseStreams();
        await _app.DisposeAsync();
    }

    private static TaskCompletionSource Released()
    {
        var released = new TaskCompletionSource();
        released.SetResult();
        return released;
    }

    private void Map(WebApplication app)
    {
        app.MapGet("/v1/models", (Func<HttpContext, Task<IResult>>)ModelsAsync);
        app.MapGet("/api/tags", (HttpContext context) => Check(context, null) ?? Results.Json(new
        {
            models = new[] { ChatModel, EmbeddingModel }.Select(id => new { name = $"{id}:latest", model = $"{id}:latest", size = 1_000, digest = "fake" }),
        }));
        app.MapPost("/v1/chat/completions", ChatAsync);
        app.MapPost("/v1/embeddings", EmbeddingsAsync);
    }

    private async Task<IResult> ModelsAsync(HttpContext context)
    {
        if (ModelsDelay > TimeSpan.Zero)
        {
            await Task.Delay(ModelsDelay, context.RequestAborted);
        }

        return Check(context, null) ?? Results.Json(new
        {
            @object = "list",
            data = new[] { ChatModel, EmbeddingModel, SlowModel }.Select(id => new { id, @object = "model", created = 1_700_000_000, owned_by = "fake" }),
        });
    }

    private async Task ChatAsync(HttpContext context)
    {
        var body = await ReadAsync(context);
        var model = body?["model"]?.GetValue<string>() ?? string.Empty;
        if (await RefuseAsync(context, model))
        {
            return;
        }

        var messages = body!["messages"]!.AsArray()
            .Select(m => (Role: m!["role"]!.GetValue<string>(), Content: ContentOf(m!["content"])))
            .ToList();
        var user = messages.LastOrDefault(m => m.Role == "user").Content ?? string.Empty;
        ChatArrivals.Enqueue((DateTimeOffset.UtcNow, user));
        ChatArrived?.Invoke(user);
        if (FailWhen?.Invoke(messages) is { } failure)
        {
            await Error(failure.Status, $"Injected failure with status {failure.Status}.", "server_error", "injected",
                failure.RetryAfter is { } wait ? ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture) : null)
                .ExecuteAsync(context);
            return;
        }

        var reply = Reply(messages);
        var maxTokens = body["max_completion_tokens"]?.GetValue<int>() ?? body["max_tokens"]?.GetValue<int>();
        var words = Words(reply);
        var finish = "stop";
        if (maxTokens is { } limit && words.Count > limit)
        {
            words = words.Take(limit).ToList();
            finish = "length";
        }

        var promptTokens = messages.Sum(m => Words(m.Content).Count + 3);
        var usage = new { prompt_tokens = promptTokens, completion_tokens = words.Count, total_tokens = promptTokens + words.Count };
        var id = $"chatcmpl-{Guid.NewGuid():N}";
        var streaming = body["stream"]?.GetValue<bool>() == true;
        if (model == GarbledModel && !streaming)
        {
            await NotAnApiAsync(context);
            return;
        }

        if (ToolCallFor(body, messages) is { } toolCall)
        {
            await AnswerWithToolCallAsync(context, id, model, toolCall, streaming, usage);
            return;
        }

        if (!streaming)
        {
            await Results.Json(new
            {
                id,
                @object = "chat.completion",
                created = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                model,
                choices = new[] { new { index = 0, message = new { role = "assistant", content = string.Concat(words) }, finish_reason = finish } },
                usage,
            }).ExecuteAsync(context);
            return;
        }

        context.Response.ContentType = "text/event-stream";
        var created = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        for (var i = 0; i < words.Count; i++)
        {
            var delta = i == 0 ? (object)new { role = "assistant", content = words[i] } : new { content = words[i] };
            await SendEventAsync(context, new { id, @object = "chat.completion.chunk", created, model, choices = new[] { new { index = 0, delta, finish_reason = (string?)null } } });
            if (i == 0)
            {
                await _held.Task.WaitAsync(context.RequestAborted);
            }

            if (model == GarbledModel)
            {
                context.Abort();
                return;
            }

            await Task.Delay(ChunkDelay, context.RequestAborted);
        }

        await SendEventAsync(context, new { id, @object = "chat.completion.chunk", created, model, choices = new[] { new { index = 0, delta = new { }, finish_reason = finish } } });
        if (body["stream_options"]?["include_usage"]?.GetValue<bool>() == true)
        {
            await SendEventAsync(context, new { id, @object = "chat.completion.chunk", created, model, choices = Array.Empty<object>(), usage });
        }

        await context.Response.WriteAsync("data: [DONE]\n\n", context.RequestAborted);
    }

    /// <summary>
    /// A request that offers tools and has no tool result yet is answered with a call of its first tool, with
    /// the last user message as the argument <c>query</c>: how a model asks its caller to run a function.
    /// </summary>
    private static object? ToolCallFor(JsonNode body, IReadOnlyList<(string Role, string Content)> messages)
    {
        var name = body["tools"]?.AsArray().FirstOrDefault()?["function"]?["name"]?.GetValue<string>();
        if (name is null || messages.Any(m => m.Role == "tool"))
        {
            return null;
        }

        var arguments = JsonSerializer.Serialize(new { query = messages.LastOrDefault(m => m.Role == "user").Content ?? string.Empty });
        return new { id = $"call_{Guid.NewGuid():N}"[..20], type = "function", function = new { name, arguments } };
    }

    private static async Task AnswerWithToolCallAsync(HttpContext context, string id, string model, object toolCall, bool streaming, object usage)
    {
        var created = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        if (!streaming)
        {
            await Results.Json(new
            {
                id,
                @object = "chat.completion",
                created,
                model,
                choices = new[] { new { index = 0, message = new { role = "assistant", content = (string?)null, tool_calls = new[] { toolCall } }, finish_reason = "tool_calls" } },
                usage,
            }).ExecuteAsync(context);
            return;
        }

        context.Response.ContentType = "text/event-stream";
        var call = JsonSerializer.SerializeToNode(toolCall)!.AsObject();
        call["index"] = 0;
        await SendEventAsync(context, new { id, @object = "chat.completion.chunk", created, model, choices = new[] { new { index = 0, delta = (object)new { role = "assistant", tool_calls = new[] { call } }, finish_reason = (string?)null } } });
        await SendEventAsync(context, new { id, @object = "chat.completion.chunk", created, model, choices = new[] { new { index = 0, delta = (object)new { }, finish_reason = (string?)"tool_calls" } } });
        await context.Response.WriteAsync("data: [DONE]\n\n", context.RequestAborted);
    }

    private async Task EmbeddingsAsync(HttpContext context)
    {
        var body = await ReadAsync(context);
        var model = body?["model"]?.GetValue<string>() ?? string.Empty;
        if (await RefuseAsync(context, model))
        {
            return;
        }

        if (model == GarbledModel)
        {
            await NotAnApiAsync(context);
            return;
        }

        var input = body!["input"]!;
        var texts = input is JsonArray array ? array.Select(t => t!.GetValue<string>()).ToList() : [input.GetValue<string>()];
        var base64 = body["encoding_format"]?.GetValue<string>() == "base64";
        var data = texts.Select((text, index) =>
        {
            var vector = Embed(text);
            object embedding = base64 ? Convert.ToBase64String(System.Runtime.InteropServices.MemoryMarshal.AsBytes(vector.AsSpan())) : vector;
            return new { @object = "embedding", index, embedding };
        });
        var tokens = texts.Sum(t => Words(t).Count);
        await Results.Json(new { @object = "list", data, model, usage = new { prompt_tokens = tokens, total_tokens = tokens } }).ExecuteAsync(context);
    }

    /// <summary>Answers the error a request must get, if any (true when it did); delays the slow model.</summary>
    private async Task<bool> RefuseAsync(HttpContext context, string model)
    {
        if (Check(context, model) is { } error)
        {
            await error.ExecuteAsync(context);
            return true;
        }

        if (model == SlowModel)
        {
            await Task.Delay(SlowDelay, context.RequestAborted);
        }

        return false;
    }

    private IResult? Check(HttpContext context, string? model)
    {
        if (context.Request.Headers.Authorization != $"Bearer {ApiKey}")
        {
            return Error(401, "Incorrect API key provided.", "invalid_request_error", "invalid_api_key");
        }

        if (_failures.TryDequeue(out var status))
        {
            return Error(status, $"Injected failure with status {status}.", "server_error", "injected");
        }

        return model switch
        {
            MissingModel => Error(404, $"The model `{model}` does not exist or you do not have access to it.", "invalid_request_error", "model_not_found"),
            RateLimitedModel => Error(429, "Rate limit reached for requests. Please try again in 1s.", "requests", "rate_limit_exceeded", retryAfter: "1"),
            BrokenModel => Error(500, "The server had an error while processing your request.", "server_error", null),
            KeyEchoingModel => Error(400, $"Project not found for key {context.Request.Headers.Authorization.ToString()["Bearer ".Length..]}.", "invalid_request_error", null),
            _ => null,
        };
    }

    private static IResult Error(int status, string message, string type, string? code, string? retryAfter = null) =>
        new ErrorResult(status, new { error = new { message, type, param = (string?)null, code } }, retryAfter);

    private async Task<JsonNode?> ReadAsync(HttpContext context)
    {
        var body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        Requests.Enqueue((context.Request.Path, body));
        RequestArrived?.Invoke(context.Request.Path.Value ?? string.Empty);
        return body;
    }

    private static Task NotAnApiAsync(HttpContext context) =>
        Results.Content("<html><body><h1>Welcome to nginx!</h1></body></html>", "text/html").ExecuteAsync(context);

    private static async Task SendEventAsync(HttpContext context, object payload)
    {
        await context.Response.WriteAsync($"data: {JsonSerializer.Serialize(payload)}\n\n", context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
    }

    private static string ContentOf(JsonNode? content) => content switch
    {
        JsonValue value => value.GetValue<string>(),
        JsonArray parts => string.Concat(parts.Select(p => p?["text"]?.GetValue<string>())),
        _ => string.Empty,
    };

    /// <summary>Word-sized pieces that keep their trailing space, so they concatenate back exactly.</summary>
    private static List<string> Words(string text)
    {
        var pieces = new List<string>();
        var current = new StringBuilder();
        foreach (var c in text)
        {
            current.Append(c);
            if (c == ' ')
            {
                pieces.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            pieces.Add(current.ToString());
        }

        return pieces;
    }

    /// <summary>A deterministic unit vector per text: letters counted into buckets.</summary>
    private static float[] Embed(string text)
    {
        var vector = new float[EmbeddingDimensions];
        foreach (var c in text.ToLowerInvariant().Where(char.IsLetterOrDigit))
        {
            vector[c % EmbeddingDimensions] += 1;
        }

        var norm = MathF.Sqrt(vector.Sum(v => v * v));
        return norm == 0 ? vector : vector.Select(v => v / norm).ToArray();
    }

    private sealed class ErrorResult(int status, object body, string? retryAfter) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            if (retryAfter is not null)
            {
                httpContext.Response.Headers.RetryAfter = retryAfter;
            }

            return Results.Json(body, statusCode: status).ExecuteAsync(httpContext);
        }
    }
}
