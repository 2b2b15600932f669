using System.Net.ServerSentEvents;
using AiNative.Portal.Client.Contracts.Runs;

namespace AiNative.Portal.Runs;

/// <summary>
/// A run's events as server-sent events. The first event is read before the response starts, so
/// input that cannot be rendered still answers with problem details and a status code.
/// </summary>
internal static class RunEventStream
{
    public static async Task<IAsyncEnumerable<SseItem<RunEventDto>>> StartAsync(IAsyncEnumerable<RunEventDto> events, CancellationToken cancellationToken)
    {
        var enumerator = events.GetAsyncEnumerator(cancellationToken);
        try
        {
            var started = await enumerator.MoveNextAsync();
            return Continue(enumerator, started);
        }
        catch
        {
            await enumerator.DisposeAsync();
            throw;
        }
    }

    private static async IAsyncEnumerable<SseItem<RunEventDto>> Continue(IAsyncEnumerator<RunEventDto> events, bool started)
    {
        await using (events)
        {
            for (var more = started; more; more = await events.MoveNextAsync())
            {
                yield return new SseItem<RunEventDto>(events.Current, events.Current.EventType);
            }
        }
    }
}
