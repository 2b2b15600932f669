using Microsoft.Extensions.AI;

namespace AiNative.Services.Models.Invocation;

/// <summary>A call that passed every check before reaching the provider, with its clock running.</summary>
internal sealed class PreparedCall(ModelDefinition model, InvocationSource source, TimeProvider clock, Guid? callId = null)
{
    public Guid CallId { get; } = callId ?? Guid.CreateVersion7();

    public ModelDefinition Model => model;

    public InvocationSource Source => source;

    private readonly long _startedTimestamp = clock.GetTimestamp();

    public DateTimeOffset StartedAt { get; } = clock.GetUtcNow();

    public IChatClient? ChatClient { get; init; }

    public ChatOptions? ChatOptions { get; init; }

    public TimeSpan Elapsed => clock.GetElapsedTime(_startedTimestamp);

    /// <summary>The provider's usage, or the tokenizer's count marked as estimated.</summary>
    public static TokenUsage UsageFrom(UsageDetails? reported, Func<long> estimateInput, Func<long> estimateOutput) =>
        reported?.InputTokenCount is { } input && reported.OutputTokenCount is { } output
            ? new TokenUsage(input, output, IsEstimated: false)
            : new TokenUsage(reported?.InputTokenCount ?? estimateInput(), reported?.OutputTokenCount ?? estimateOutput(), IsEstimated: true);

    public InvocationResult Result(string text, ChatFinishReason? finish, TokenUsage usage, TimeSpan? timeToFirstToken) =>
        new(CallId, model.Id, model.Name, text, finish?.Value, usage, model.CostOf(usage.InputTokens, usage.OutputTokens), timeToFirstToken, Elapsed);
}
