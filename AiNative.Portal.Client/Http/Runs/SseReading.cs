using System.Net.ServerSentEvents;
using System.Text.Json;
using AiNative.Portal.Client.Contracts;
using AiNative.Portal.Client.Contracts.Runs;

namespace AiNative.Portal.Client.Http.Runs;

/// <summary>Reads a run's event stream, turning a broken connection into a problem the page can show.</summary>
internal static class SseReading
{
    public static async Task<bool> MoveNextAsync(IAsyncEnumerator<SseItem<RunEventDto>> events, CancellationToken cancellationToken)
    {
        try
        {
            return await events.MoveNextAsync();
        }
        catch (Exception e) when (e is IOException or HttpRequestException or JsonException)
        {
            // An aborted fetch may surface as a failed read: the caller asked for it, so it is a cancellation.
            cancellationToken.ThrowIfCancellationRequested();
            throw Interrupted(e);
        }
    }

    /// <summary>The stream ended before the run did: the run goes on being saved on the server all the same.</summary>
    public static ApiException Interrupted(Exception? inner = null) =>
        new(new ApiProblem(0, "The connection to the portal was lost",
            "The run may still have finished and been saved: look for it in the history. Check your connection and run again."), inner);
}
