using AiNative.Services.Models.Invocation;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace AiNative.Services.Knowledge.Ingestion;

/// <summary>
/// Retries embedding calls that failed for a passing reason (rate limit, provider error, timeout,
/// unreachable) with exponential back-off and jitter, so that parallel batches do not retry in step.
/// </summary>
public sealed class EmbeddingRetry(IOptions<KnowledgeOptions> options)
{
    private readonly ResiliencePipeline _pipeline = Build(options.Value);

    public ValueTask<T> ExecuteAsync<T>(Func<CancellationToken, ValueTask<T>> call, CancellationToken cancellationToken) =>
        _pipeline.ExecuteAsync(call, cancellationToken);

    // Polly refuses a retry strategy of zero attempts; EmbeddingRetries = 0 means no retry strategy at all.
    private static ResiliencePipeline Build(KnowledgeOptions options) => options.EmbeddingRetries < 1
        ? ResiliencePipeline.Empty
        : new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<ProviderCallException>(e => e.IsTransient),
                MaxRetryAttempts = options.EmbeddingRetries,
                Delay = options.EmbeddingRetryBaseDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
            })
            .Build();
}
