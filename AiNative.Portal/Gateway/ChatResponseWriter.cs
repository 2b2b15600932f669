using System.Text.Json;
using AiNative.Services.Gateway.Calls;
using AiNative.Services.Models.Invocation;
using Microsoft.Extensions.AI;

namespace AiNative.Portal.Gateway;

/// <summary>
/// Writes answers in OpenAI's chat completion format: one JSON object, or server-sent events of
/// <c>chat.completion.chunk</c>s ending in <c>[DONE]</c>, with usage last when the client asked for it.
/// </summary>
internal static class ChatResponseWriter
{
    private static readonly byte[] DataPrefix = "data: "u8.ToArray();
    private static readonly byte[] EventEnd = "\n\n"u8.ToArray();
    private static readonly byte[] Done = "data: [DONE]\n\n"u8.ToArray();

    public static void WriteHeaders(HttpResponse response, Guid traceId, string? route, string target, int? promptVersion, int attempts, bool cacheHit)
    {
        var headers = response.Headers;
        headers[GatewayHeaders.TraceId] = traceId.ToString();
        headers[GatewayHeaders.Target] = target;
        if (promptVersion is { } version)
        {
            headers[GatewayHeaders.PromptVersion] = version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        headers[GatewayHeaders.Attempts] = attempts.ToString(System.Globalization.CultureInfo.InvariantCulture);
        headers[GatewayHeaders.Cache] = cacheHit ? "hit" : "miss";
        if (route is not null)
        {
            headers[GatewayHeaders.Route] = route;
        }
    }

    public static async Task WriteAsync(HttpContext http, GatewayAnswer answer)
    {
        WriteHeaders(http.Response, answer.TraceId, answer.Route, answer.Target, answer.PromptVersion, answer.Attempts.Count, answer.CacheHit);
        await JsonAnswer.WriteAsync(http.Response, json => WriteAnswer(json, answer), http.RequestAborted);
    }

    private static void WriteAnswer(Utf8JsonWriter json, GatewayAnswer answer)
    {
        json.WriteStartObject();
        WriteEnvelope(json, answer.TraceId, answer.Name, "chat.completion");
        json.WriteStartArray("choices");
        json.WriteStartObject();
        json.WriteNumber("index", 0);
        json.WriteStartObject("message");
        json.WriteString("role", "assistant");
        if (answer.ToolCalls.Count > 0 && answer.Text.Length == 0)
        {
            json.WriteNull("content");
        }
        else
        {
            json.WriteString("content", answer.Text);
        }

        WriteToolCalls(json, answer.ToolCalls, withIndex: false);
        json.WriteEndObject();
        json.WriteString("finish_reason", FinishReason(answer.FinishReason, answer.ToolCalls.Count));
        json.WriteEndObject();
        json.WriteEndArray();
        WriteUsage(json, answer.Usage);
        json.WriteEndObject();
    }

    /// <summary>Streams the answer; a failure after the first byte is sent as a last event in OpenAI's error shape.</summary>
    public static async Task StreamAsync(HttpContext http, GatewayStream stream, bool includeUsage, ILogger logger)
    {
        var response = http.Response;
        WriteHeaders(response, stream.TraceId, stream.Route, stream.Target, stream.PromptVersion, stream.Attempts.Count, stream.CacheHit);
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";

        // Proxies such as nginx would otherwise hold the events back.
        response.Headers["X-Accel-Buffering"] = "no";
        var body = response.Body;
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        var toolIndex = 0;
        await using var updates = stream.Updates.GetAsyncEnumerator(http.RequestAborted);
        try
        {
            // Started before anything is written, so that disposing it on any failure ends the trace and the upstream call.
            var more = await updates.MoveNextAsync();
            await SendAsync(body, buffer, json => WriteChunk(json, stream, delta => delta.WriteString("role", "assistant"), null), http.RequestAborted);
            for (; more; more = await updates.MoveNextAsync())
            {
                switch (updates.Current)
                {
                    case TextDelta text:
                        await SendAsync(body, buffer, json => WriteChunk(json, stream, delta => delta.WriteString("content", text.Text), null), http.RequestAborted);
                        break;
                    case ToolCallsDelta calls:
                        var first = toolIndex;
                        toolIndex += calls.Calls.Count;
                        await SendAsync(body, buffer, json => WriteChunk(json, stream, delta => WriteToolCalls(delta, calls.Calls, withIndex: true, first), null), http.RequestAborted);
                        break;
                    case InvocationCompleted completed:
                        var result = completed.Result;
                        await SendAsync(body, buffer, json => WriteChunk(json, stream, _ => { }, FinishReason(result.FinishReason, result.ToolCalls.Count)), http.RequestAborted);
                        if (includeUsage)
                        {
                            await SendAsync(body, buffer, json =>
                            {
                                json.WriteStartObject();
                                WriteEnvelope(json, stream.TraceId, stream.Name, "chat.completion.chunk");
                                json.WriteStartArray("choices");
                                json.WriteEndArray();
                                WriteUsage(json, result.Usage);
                                json.WriteEndObject();
                            }, http.RequestAborted);
                        }

                        break;
                }
            }
        }
        catch (Exception e) when (!http.RequestAborted.IsCancellationRequested)
        {
            var error = OpenAiError.From(e, http.TraceIdentifier);
            if (error.StatusCode >= 500 && e is not GatewayException)
            {
                logger.LogError(e, "A gateway stream failed (trace id {TraceIdentifier})", http.TraceIdentifier);
            }

            await SendAsync(body, buffer, json => OpenAiError.Write(json, error), CancellationToken.None);
            return;
        }

        await body.WriteAsync(Done, http.RequestAborted);
        await body.FlushAsync(http.RequestAborted);
    }

    private static async Task SendAsync(Stream body, System.Buffers.ArrayBufferWriter<byte> buffer, Action<Utf8JsonWriter> write, CancellationToken cancellationToken)
    {
        buffer.ResetWrittenCount();
        using (var json = new Utf8JsonWriter(buffer))
        {
            write(json);
        }

        await body.WriteAsync(DataPrefix, cancellationToken);
        await body.WriteAsync(buffer.WrittenMemory, cancellationToken);
        await body.WriteAsync(EventEnd, cancellationToken);
        await body.FlushAsync(cancellationToken);
    }

    private static void WriteChunk(Utf8JsonWriter json, GatewayStream stream, Action<Utf8JsonWriter> delta, string? finishReason)
    {
        json.WriteStartObject();
        WriteEnvelope(json, stream.TraceId, stream.Name, "chat.completion.chunk");
        json.WriteStartArray("choices");
        json.WriteStartObject();
        json.WriteNumber("index", 0);
        json.WriteStartObject("delta");
        delta(json);
        json.WriteEndObject();
        json.WriteString("finish_reason", finishReason);
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteEnvelope(Utf8JsonWriter json, Guid traceId, string model, string kind)
    {
        json.WriteString("id", $"chatcmpl-{traceId:N}");
        json.WriteString("object", kind);
        json.WriteNumber("created", DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        json.WriteString("model", model);
    }

    private static void WriteToolCalls(Utf8JsonWriter json, IReadOnlyList<FunctionCallContent> calls, bool withIndex, int firstIndex = 0)
    {
        if (calls.Count == 0)
        {
            return;
        }

        json.WriteStartArray("tool_calls");
        for (var i = 0; i < calls.Count; i++)
        {
            var call = calls[i];
            json.WriteStartObject();
            if (withIndex)
            {
                json.WriteNumber("index", firstIndex + i);
            }

            json.WriteString("id", call.CallId);
            json.WriteString("type", "function");
            json.WriteStartObject("function");
            json.WriteString("name", call.Name);
            json.WriteString("arguments", JsonSerializer.Serialize(call.Arguments ?? new Dictionary<string, object?>(), AIJsonUtilities.DefaultOptions));
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteUsage(Utf8JsonWriter json, TokenUsage usage)
    {
        json.WriteStartObject("usage");
        json.WriteNumber("prompt_tokens", usage.InputTokens);
        json.WriteNumber("completion_tokens", usage.OutputTokens);
        json.WriteNumber("total_tokens", usage.InputTokens + usage.OutputTokens);
        json.WriteEndObject();
    }

    private static string FinishReason(string? reason, int toolCalls) => reason ?? (toolCalls > 0 ? "tool_calls" : "stop");
}
