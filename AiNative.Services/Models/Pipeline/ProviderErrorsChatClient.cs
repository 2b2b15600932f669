using System.Runtime.CompilerServices;
using AiNative.Services.Models.Invocation;
using Microsoft.Extensions.AI;

namespace AiNative.Services.Models.Pipeline;

/// <summary>Turns what the provider's client throws into <see cref="ProviderCallException"/>s, so every link above sees one kind of failure.</summary>
internal sealed class ProviderErrorsChatClient(IChatClient inner, ModelDefinition model, string? apiKey) : DelegatingChatClient(inner)
{
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        try
        {
            return await base.GetResponseAsync(messages, options, cancellationToken);
        }
        catch (Exception e) when (ProviderErrors.Map(e, model, apiKey, cancellationToken) is { } failure)
        {
            throw failure;
        }
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var updates = base.GetStreamingResponseAsync(messages, options, cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            try
            {
                if (!await updates.MoveNextAsync())
                {
                    yield break;
                }
            }
            catch (Exception e) when (ProviderErrors.Map(e, model, apiKey, cancellationToken) is { } failure)
            {
                throw failure;
            }

            yield return updates.Current;
        }
    }
}
