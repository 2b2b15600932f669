using System.Diagnostics;
using Xunit;

namespace AiNative.Testing;

/// <summary>
/// Waits for what background work makes true (a job ends, another replica hears a change, a row is kept) by
/// reading it again until it holds. The patience is generous because a busy machine is slow, never wrong; the
/// wait ends as soon as the condition holds.
/// </summary>
public static class Poll
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// Reads until <paramref name="done"/> holds and returns that value; after <paramref name="patience"/> (default
    /// <see cref="Patience"/>) returns the last value read, for the caller's assertion to say what it was.
    /// </summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan? patience = null)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var value = await read();
            if (done(value) || clock.Elapsed > (patience ?? Patience))
            {
                return value;
            }

            await Task.Delay(Interval, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds, and writes how long it took to the test's output; fails the test naming <paramref name="what"/> after the patience.</summary>
    public static async Task TrueAsync(string what, Func<Task<bool>> condition)
    {
        var clock = Stopwatch.StartNew();
        if (!await UntilAsync(condition, holds => holds))
        {
            throw new TimeoutException($"Still not true after {Patience.TotalSeconds} seconds: {what}.");
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"{what}: {clock.Elapsed.TotalMilliseconds:N0} ms");
    }
}
