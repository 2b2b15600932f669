using System.Collections.Concurrent;

namespace AiNative.Services.Gateway.Calls;

/// <summary>
/// A circuit breaker per model, in this process: after <see cref="FailuresToOpen"/> failures in a row a model
/// cools down for <see cref="CoolDown"/> and is skipped; then one request probes it, and its success lets the
/// model back in. Kept per replica: each learns of a failing provider from its own calls, within a few requests.
/// </summary>
public sealed class TargetHealth(TimeProvider clock)
{
    public const int FailuresToOpen = 3;

    public static readonly TimeSpan CoolDown = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<Guid, State> _states = new();

    /// <summary>Whether a request may try the model now; a model past its cool-down admits one probe at a time.</summary>
    public bool TryEnter(Guid modelId)
    {
        if (!_states.TryGetValue(modelId, out var state))
        {
            return true;
        }

        lock (state)
        {
            if (state.OpenUntil is not { } until)
            {
                return true;
            }

            if (clock.GetUtcNow() < until || state.Probing)
            {
                return false;
            }

            state.Probing = true;
            return true;
        }
    }

    /// <summary>When the model's cool-down ends; null when it is not cooling down.</summary>
    public DateTimeOffset? CoolingUntil(Guid modelId) =>
        _states.TryGetValue(modelId, out var state) ? state.OpenUntil : null;

    public void Succeeded(Guid modelId)
    {
        if (_states.TryGetValue(modelId, out var state))
        {
            lock (state)
            {
                state.Failures = 0;
                state.OpenUntil = null;
                state.Probing = false;
            }
        }
    }

    public void Failed(Guid modelId)
    {
        var state = _states.GetOrAdd(modelId, _ => new State());
        lock (state)
        {
            state.Failures++;
            if (state.Probing || state.Failures >= FailuresToOpen)
            {
                state.OpenUntil = clock.GetUtcNow() + CoolDown;
            }

            state.Probing = false;
        }
    }

    private sealed class State
    {
        public int Failures { get; set; }

        public DateTimeOffset? OpenUntil { get; set; }

        public bool Probing { get; set; }
    }
}
