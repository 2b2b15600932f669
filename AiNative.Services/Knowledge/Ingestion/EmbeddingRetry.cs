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
    private readonly ResiliencePipeline _pipeline = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<ProviderCallException>(e => e.IsTransient),
            MaxRetryAttempts = Math.Max(0, options.Value.EmbeddingRetries),
            Delay = options.Value.EmbeddingRetryBaseDelay,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
        })
        .Build();

    public ValueTask<T> ExecuteAsync<T>(Func<CancellationToken, ValueTask<T>> call, CancellationToken cancellationToken) =>
        _pipeline.ExecuteAsync(call, cancellationToken);
}
