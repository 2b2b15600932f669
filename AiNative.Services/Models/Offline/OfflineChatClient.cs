using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace AiNative.Services.Models.Offline;

/// <summary>
/// The built-in chat model: an extractive responder (see <see cref="ExtractiveAnswerer"/>),
/// streamed word by word with real token usage, so every part of the call path works offline.
/// </summary>
public sealed class OfflineChatClient(string modelId, TokenCounter tokens) : IChatClient
{
    private readonly ChatClientMetadata _metadata = new("offline", null, modelId);

    public async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in GetStreamingResponseAsync(messages, options, cancellationToken))
        {
            updates.Add(update);
        }

        return updates.ToChatResponse();
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var list = messages.ToList();
        var answer = ExtractiveAnswerer.Answer(list);
        if (options?.ResponseFormat is ChatResponseFormatJson)
        {
            answer = JsonSerializer.Serialize(new { answer });
        }

        var finish = ChatFinishReason.Stop;
        if (options?.MaxOutputTokens is { } limit && tokens.Count(answer) > limit)
        {
            answer = tokens.Truncate(answer, limit);
            finish = ChatFinishReason.Length;
        }

        var responseId = $"offline-{Guid.NewGuid():N}";
        var created = DateTimeOffset.UtcNow;
        foreach (var piece in Pieces(answer))
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Yield();
            yield return new ChatResponseUpdate(ChatRole.Assistant, piece)
            {
                ResponseId = responseId,
                MessageId = responseId,
                ModelId = modelId,
                CreatedAt = created,
            };
        }

        var usage = new UsageDetails
        {
            InputTokenCount = tokens.Count(list),
            OutputTokenCount = tokens.Count(answer),
        };
        usage.TotalTokenCount = usage.InputTokenCount + usage.OutputTokenCount;
        yield return new ChatResponseUpdate(ChatRole.Assistant, [new UsageContent(usage)])
        {
            ResponseId = responseId,
            MessageId = responseId,
            ModelId = modelId,
            CreatedAt = created,
            FinishReason = finish,
        };
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(ChatClientMetadata) ? _metadata
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose()
    {
    }

    // Streams in word-sized pieces, keeping the whitespace so the pieces join back exactly.
    private static IEnumerable<string> Pieces(string text)
    {
        var start = 0;
        for (var i = 1; i <= text.Length; i++)
        {
            if (i == text.Length || (char.IsWhiteSpace(text[i - 1]) && !char.IsWhiteSpace(text[i])))
            {
                yield return text[start..i];
                start = i;
            }
        }
    }
}
