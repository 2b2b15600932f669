using System.Runtime.CompilerServices;
using System.Text;
using AiNative.Services.Models.Invocation;
using AiNative.Services.Traces;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace AiNative.Services.Models.Pipeline;

/// <summary>
/// Records every chat call that carries a <see cref="CallRecording"/> as a generation: messages,
/// settings, answer, usage, cost, time to first token and how it ended, whether it succeeded, failed
/// or was stopped. Stopping a stream early (cancelled, or not read on) records the tokens so far.
/// </summary>
internal sealed class RecordingChatClient(IChatClient inner, ModelDefinition model, TokenCounter tokens, ILogger logger) : DelegatingChatClient(inner)
{
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (CallRecording.Of(options?.AdditionalProperties) is not { } recording)
        {
            return await base.GetResponseAsync(messages, options, cancellationToken);
        }

        var sent = messages as IReadOnlyList<ChatMessage> ?? [.. messages];
        var call = Start(recording, sent, options);
        try
        {
            var response = await base.GetResponseAsync(sent, options, cancellationToken);
            var usage = CallObservation.UsageFrom(response.Usage, () => tokens.Count(sent), () => tokens.Count(response.Text));
            await call.SucceededAsync(usage, response.Text, null, response.FinishReason?.Value);
            return response;
        }
        catch (Exception e)
        {
            await call.FailedAsync(e, new TokenUsage(tokens.Count(sent), 0, true), null, null, cancellationToken, logger);
            throw;
        }
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (CallRecording.Of(options?.AdditionalProperties) is not { } recording)
        {
            await foreach (var update in base.GetStreamingResponseAsync(messages, options, cancellationToken))
            {
                yield return update;
            }

            yield break;
        }

        var sent = messages as IReadOnlyList<ChatMessage> ?? [.. messages];
        var call = Start(recording, sent, options);
        var text = new StringBuilder();
        UsageDetails? reported = null;
        ChatFinishReason? finish = null;
        TimeSpan? firstToken = null;
        Exception? failure = null;
        var completed = false;
        var updates = base.GetStreamingResponseAsync(sent, options, cancellationToken).GetAsyncEnumerator(cancellationToken);
        try
        {
            while (true)
            {
                try
                {
                    if (!await updates.MoveNextAsync())
                    {
                        break;
                    }
                }
                catch (Exception e)
                {
                    failure = e;
                    throw;
                }

                var update = updates.Current;
                reported = update.Contents.OfType<UsageContent>().LastOrDefault()?.Details ?? reported;
                finish = update.FinishReason ?? finish;
                if (update.Text is { Length: > 0 } delta)
                {
                    firstToken ??= call.Elapsed;
                    text.Append(delta);
                }

                yield return update;
            }

            completed = true;
        }
        finally
        {
            await updates.DisposeAsync();
            var usage = CallObservation.UsageFrom(reported, () => tokens.Count(sent), () => tokens.Count(text.ToString()));
            if (completed)
            {
                await call.SucceededAsync(usage, text.ToString(), firstToken, finish?.Value);
            }
            else
            {
                // A failure, or a reader that stopped reading (cancelled, or a closed page): what arrived is kept.
                await call.FailedAsync(failure ?? new OperationCanceledException(), usage, text.ToString(), firstToken,
                    failure is null ? new CancellationToken(canceled: true) : cancellationToken, logger);
            }
        }
    }

    private CallObservation Start(CallRecording recording, IReadOnlyList<ChatMessage> messages, ChatOptions? options)
    {
        var call = new CallObservation(recording, model, ObservationType.Generation);
        call.Observation
            .Set("gen_ai.operation.name", "chat")
            .Set("gen_ai.request.temperature", options?.Temperature)
            .Set("gen_ai.request.top_p", options?.TopP)
            .Set("gen_ai.request.max_tokens", options?.MaxOutputTokens)
            .Set("ainative.response_format", options?.ResponseFormat is ChatResponseFormatJson ? "json" : null)
            .SetInput(TraceMessages.Serialize(messages.Select(m => (m.Role.Value, m.Text))));
        return call;
    }
}
