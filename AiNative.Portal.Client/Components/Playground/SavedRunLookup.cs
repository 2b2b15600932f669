using AiNative.Portal.Client.Contracts.Runs;

namespace AiNative.Portal.Client.Components.Playground;

/// <summary>
/// Reads a run as the portal saved it. A cancelled run is saved a moment after its stream closed,
/// so the history is watched until it lists the run: asking for the run itself would answer 404
/// meanwhile, which the browser reports as an error.
/// </summary>
public static class SavedRunLookup
{
    private const int Attempts = 20;

    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(250);

    public static async Task<RunDetailsDto> FindAsync(IRunsApi runs, ShownRun shown)
    {
        var runId = shown.RunId ?? throw new InvalidOperationException("The run was not rendered, so it was not saved.");
        for (var attempt = 1; shown.Phase == RunPhase.Cancelled && attempt < Attempts; attempt++)
        {
            if ((await runs.ListAsync(new RunListQuery())).Items.Any(r => r.Id == runId))
            {
                break;
            }

            await Task.Delay(Pause);
        }

        return await runs.GetAsync(runId);
    }
}
