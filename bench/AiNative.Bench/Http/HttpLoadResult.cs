using AiNative.Bench.Knowledge;

namespace AiNative.Bench.Http;

/// <summary>
/// What one load measured: successful answers per second, their latency and mean body size, and the failed ones;
/// <see cref="Answered"/> counts every answer of the run, warm-up included (to share out what the server spent on the whole run).
/// </summary>
public sealed record HttpLoadResult(int Clients, double RequestsPerSecond, LatencyStats Latency, long BytesPerAnswer, int Failures, string? FirstFailure)
{
    public long Answered { get; init; }

    public override string ToString() =>
        $"{Clients,2} clients: {RequestsPerSecond,8:N0} requests/s, {Latency}, {BytesPerAnswer:N0} bytes each"
        + (Failures == 0 ? string.Empty : $", {Failures} failed (first: {FirstFailure})");
}
