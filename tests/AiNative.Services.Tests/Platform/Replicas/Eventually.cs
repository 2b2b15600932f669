using System.Diagnostics;

namespace AiNative.Services.Tests.Platform.Replicas;

/// <summary>Waits for what another replica makes true, and writes how long it took to the test's output.</summary>
internal static class Eventually
{
    /// <summary>Generous: messages take milliseconds and rechecks a second, but a shared machine may be slow.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    public static async Task TrueAsync(string what, Func<Task<bool>> condition)
    {
        var watch = Stopwatch.StartNew();
        while (!await condition())
        {
            if (watch.Elapsed > Patience)
            {
                throw new TimeoutException($"Still not true after {Patience.TotalSeconds} seconds: {what}.");
            }

            await Task.Delay(10, TestContext.Current.CancellationToken);
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"{what}: {watch.Elapsed.TotalMilliseconds:N0} ms");
    }
}
