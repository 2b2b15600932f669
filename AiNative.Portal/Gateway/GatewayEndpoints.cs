using System.Buffers;
using System.Text.Json;
using AiNative.Portal.Accounts;
using AiNative.Services.Data;
using AiNative.Services.Gateway.Calls;
using AiNative.Services.Gateway.Keys;
using AiNative.Services.Gateway.Routes;
using AiNative.Services.Models;
using AiNative.Services.Teams;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Portal.Gateway;

/// <summary>
/// The model gateway: OpenAI's <c>/v1/chat/completions</c>, <c>/v1/embeddings</c> and <c>/v1/models</c> for a team's
/// applications, which keep their OpenAI SDK and change only the base URL and the key (a gateway key, never a
/// personal token or a session). Every failure is answered in OpenAI's error shape.
/// </summary>
public static class GatewayEndpoints
{
    public const string Root = "/v1";

    /// <summary>The largest request body the gateway reads: long conversations fit, a runaway client does not.</summary>
    public const long MaxBodyBytes = 4 * 1024 * 1024;

    public static IEndpointRouteBuilder MapGatewayApi(this IEndpointRouteBuilder endpoints)
    {
        var gateway = endpoints.MapGroup(Root).ExcludeFromDescription();
        gateway.MapPost("chat/completions", (HttpContext http) => HandleAsync(http, ChatAsync));
        gateway.MapPost("embeddings", (HttpContext http) => HandleAsync(http, EmbeddingsAsync));
        gateway.MapGet("models", (HttpContext http) => HandleAsync(http, ModelsAsync));
        gateway.MapPost("feedback", (HttpContext http) => HandleAsync(http, FeedbackAsync));

        // Any other path or method under /v1 answers in OpenAI's shape too, so an SDK shows the reason, not an empty 404.
        endpoints.MapFallback($"{Root}/{{**path}}", (HttpContext http) => OpenAiError.WriteAsync(http, new GatewayException(
            404, "invalid_request_error", "unknown_url",
            $"The gateway has no {http.Request.Method} {http.Request.Path}. It serves POST {Root}/chat/completions, POST {Root}/embeddings, GET {Root}/models and POST {Root}/feedback.")));
        return endpoints;
    }

    private static async Task HandleAsync(HttpContext http, Func<HttpContext, GatewayCaller, Task> handle)
    {
        try
        {
            PortalAuthentication.TryReadBearer(http.Request, out var presented);
            var check = await http.RequestServices.GetRequiredService<GatewayKeys>().CheckAsync(presented, http.RequestAborted);
            if (check.Caller is not { } caller)
            {
                await OpenAiError.WriteAsync(http, new GatewayException(401, "invalid_request_error", "invalid_api_key", check.Refusal!));
                return;
            }

            http.RequestServices.GetRequiredService<TeamContext>().Enter(caller.Access);
            await handle(http, caller);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The client went away; the trace says so.
        }
        catch (Exception e) when (!http.Response.HasStarted)
        {
            var error = OpenAiError.From(e, http.TraceIdentifier);
            if (error.StatusCode >= 500 && e is not GatewayException)
            {
                http.RequestServices.GetRequiredService<ILogger<GatewayException>>().LogError(e, "A gateway request failed (trace id {TraceIdentifier})", http.TraceIdentifier);
            }

            await OpenAiError.WriteAsync(http, error);
        }
    }

    private static async Task ChatAsync(HttpContext http, GatewayCaller caller)
    {
        using var body = await ReadBodyAsync(http);
        var bypass = http.Request.Headers[GatewayHeaders.CacheControl] == "no-cache" || http.Request.Headers.CacheControl == "no-cache";
        var (request, stream, includeUsage) = ChatRequestReader.Read(body.RootElement, bypass);
        var chat = http.RequestServices.GetRequiredService<GatewayChat>();
        if (!stream)
        {
            await ChatResponseWriter.WriteAsync(http, await chat.CompleteAsync(caller, request, http.RequestAborted));
            return;
        }

        var started = await chat.StreamAsync(caller, request, http.RequestAborted);
        await ChatResponseWriter.StreamAsync(http, started, includeUsage, http.RequestServices.GetRequiredService<ILogger<GatewayException>>());
    }

    private static async Task EmbeddingsAsync(HttpContext http, GatewayCaller caller)
    {
        using var body = await ReadBodyAsync(http);
        var (model, texts, base64) = EmbeddingsWire.Read(body.RootElement);
        var result = await http.RequestServices.GetRequiredService<GatewayEmbeddings>().EmbedAsync(caller, model, texts, http.RequestAborted);
        http.Response.Headers[GatewayHeaders.TraceId] = result.CallId.ToString();
        await EmbeddingsWire.WriteAsync(http, model, result, base64);
    }

    /// <summary>
    /// Feedback on an answer: <c>{"trace_id": …, "value": "positive" | "negative" | a number, "comment": …, "name": …}</c>, the trace id
    /// being the <c>x-ainative-trace-id</c> of the answer. Not an OpenAI endpoint: the portal's own, under the same key.
    /// </summary>
    private static async Task FeedbackAsync(HttpContext http, GatewayCaller caller)
    {
        using var body = await ReadBodyAsync(http);
        var input = FeedbackWire.Read(body.RootElement, out var traceId);
        var score = await http.RequestServices.GetRequiredService<GatewayFeedback>().AddAsync(caller, traceId, input, http.RequestAborted);
        http.Response.StatusCode = StatusCodes.Status201Created;
        await http.Response.WriteAsJsonAsync(new { id = score.Id, trace_id = score.TraceId, name = score.Name, value = (object?)score.NumericValue ?? score.StringValue }, http.RequestAborted);
    }

    /// <summary>The routes and models the key may call, as OpenAI lists models.</summary>
    private static async Task ModelsAsync(HttpContext http, GatewayCaller caller)
    {
        var routes = await http.RequestServices.GetRequiredService<GatewayRoutes>().ListAsync(http.RequestAborted);
        await using var db = await http.RequestServices.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(http.RequestAborted);
        var models = await db.Models.AsNoTracking().OrderBy(m => m.Name).Select(m => new { m.Name, m.CreatedAt }).ToListAsync(http.RequestAborted);
        var names = routes.Select(r => (r.Name, r.CreatedAt)).Concat(models.Select(m => (m.Name, m.CreatedAt))).Where(m => caller.MayCall(m.Name));
        http.Response.ContentType = "application/json";
        await using var json = new Utf8JsonWriter(http.Response.Body);
        json.WriteStartObject();
        json.WriteString("object", "list");
        json.WriteStartArray("data");
        foreach (var (name, created) in names)
        {
            json.WriteStartObject();
            json.WriteString("id", name);
            json.WriteString("object", "model");
            json.WriteNumber("created", created.ToUnixTimeSeconds());
            json.WriteString("owned_by", caller.TeamName);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(http.RequestAborted);
    }

    private static async Task<JsonDocument> ReadBodyAsync(HttpContext http)
    {
        if (http.Request.ContentLength > MaxBodyBytes)
        {
            throw TooLarge();
        }

        // Read through a pooled buffer into one sized by Content-Length when the client sent it: no per-request 16 KB array.
        using var limited = new MemoryStream((int)Math.Min(http.Request.ContentLength ?? 0, MaxBodyBytes));
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await http.Request.Body.ReadAsync(buffer, http.RequestAborted)) > 0)
            {
                if (limited.Length + read > MaxBodyBytes)
                {
                    throw TooLarge();
                }

                limited.Write(buffer, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        try
        {
            return JsonDocument.Parse(limited.GetBuffer().AsMemory(0, (int)limited.Length));
        }
        catch (JsonException e)
        {
            throw GatewayException.InvalidRequest("body", $"The body is not valid JSON: {e.Message}");
        }
    }

    private static GatewayException TooLarge() =>
        new(413, "invalid_request_error", "request_too_large", $"The request body is over {MaxBodyBytes / (1024 * 1024)} MB, the gateway's limit. Send fewer or shorter messages.");
}
