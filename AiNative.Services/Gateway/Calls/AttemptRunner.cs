using AiNative.Services.Models.Invocation;
using AiNative.Services.Platform.Errors;

namespace AiNative.Services.Gateway.Calls;

/// <summary>
/// Tries a plan's models in order: each for at most the plan's timeout, retried after a pause on a transient
/// failure (a rate limit's <c>Retry-After</c>, else exponential back-off), then the next model. Rate limits,
/// provider errors, timeouts, unreachable servers, context-length errors, missing models, refused keys and
/// answers that fail the route's guard move on; a request the provider calls invalid stops, since another
/// model would refuse it too. Models cooling down (<see cref="TargetHealth"/>) are skipped unless all are.
/// </summary>
public sealed class AttemptRunner(TargetHealth health, TimeProvider clock)
{
    /// <summary>A longer wait than this moves on to the next model instead of waiting for the same one.</summary>
    public static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan FirstBackOff = TimeSpan.FromMilliseconds(250);

    public async Task<AttemptOutcome<T>> RunAsync<T>(
        GatewayPlan plan,
        List<GatewayAttempt> attempts,
        Func<GatewayCandidate, CancellationToken, Task<T>> call,
        Func<T, string?> guard,
        CancellationToken cancellationToken)
    {
        foreach (var candidate in InOrder(plan.Candidates))
        {
            var model = candidate.Model;
            for (var retry = 0; ; retry++)
            {
                var started = clock.GetTimestamp();
                var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                attempt.CancelAfter(plan.Timeout);
                Failure failure;
                try
                {
                    var result = await call(candidate, attempt.Token);
                    health.Succeeded(model.Id);
                    if (guard(result) is not { } refused)
                    {
                        attempt.CancelAfter(Timeout.InfiniteTimeSpan);
                        attempts.Add(new GatewayAttempt(candidate.Description, true, null, Elapsed(started)));
                        return new AttemptOutcome<T>(result, candidate, attempt);
                    }

                    failure = new Failure(refused, Retryable: true, null);
                }
                catch (OperationCanceledException) when (attempt.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
                {
                    health.Failed(model.Id);
                    failure = new Failure($"no answer within {plan.Timeout.TotalSeconds:0.#} s, the route's timeout", Retryable: true, null);
                }
                catch (ProviderCallException e) when (!cancellationToken.IsCancellationRequested)
                {
                    if (e.Failure == ProviderFailure.InvalidRequest && !e.IsContextLengthExceeded)
                    {
                        attempts.Add(new GatewayAttempt(candidate.Description, false, e.Message, Elapsed(started)));
                        throw new GatewayException(400, "invalid_request_error", "provider_rejected_request", e.Message) { Attempts = attempts };
                    }

                    if (e.IsTransient)
                    {
                        health.Failed(model.Id);
                    }

                    failure = new Failure(e.Message, e.IsTransient, e.RetryAfter);
                }
                catch (ContextWindowExceededException e)
                {
                    failure = new Failure(e.Message, Retryable: false, null);
                }
                catch (ValidationFailedException e)
                {
                    throw new GatewayException(400, "invalid_request_error", null, $"Model '{model.Name}': {e.Message}", e.Errors.Keys.FirstOrDefault());
                }
                finally
                {
                    // Handed to the caller only on success; otherwise this attempt's token source ends here.
                    if (attempts.Count == 0 || !attempts[^1].Succeeded)
                    {
                        attempt.Dispose();
                    }
                }

                attempts.Add(new GatewayAttempt(candidate.Description, false, failure.Reason, Elapsed(started)));
                var pause = failure.RetryAfter ?? FirstBackOff * Math.Pow(2, retry);
                if (!failure.Retryable || retry >= plan.Retries || pause > LongestPause)
                {
                    break;
                }

                await Task.Delay(pause, clock, cancellationToken);
            }
        }

        throw new GatewayException(502, "api_error", "all_targets_failed",
            $"Every target of '{plan.Name}' failed. {string.Join(" ", attempts.Select((a, i) => $"Attempt {i + 1}, {a.Model}: {a.Failure}"))}")
        {
            Attempts = attempts,
        };
    }

    /// <summary>
    /// The plan's order without models cooling down, asked one at a time (entering a model past its cool-down
    /// makes this request its probe); all of them, soonest back first, when every one is cooling down.
    /// </summary>
    private IEnumerable<GatewayCandidate> InOrder(IReadOnlyList<GatewayCandidate> candidates)
    {
        var any = false;
        foreach (var candidate in candidates)
        {
            if (health.TryEnter(candidate.Model.Id))
            {
                any = true;
                yield return candidate;
            }
        }

        if (!any)
        {
            foreach (var candidate in candidates.OrderBy(c => health.CoolingUntil(c.Model.Id) ?? DateTimeOffset.MinValue))
            {
                yield return candidate;
            }
        }
    }

    private double Elapsed(long started) => clock.GetElapsedTime(started).TotalMilliseconds;

    private sealed record Failure(string Reason, bool Retryable, TimeSpan? RetryAfter);
}
