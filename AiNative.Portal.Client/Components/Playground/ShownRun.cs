using System.Text;
using AiNative.Portal.Client.Contracts;
using AiNative.Portal.Client.Contracts.Runs;

namespace AiNative.Portal.Client.Components.Playground;

/// <summary>The run the playground shows: one streaming now, built from its events, or a saved one.</summary>
public sealed class ShownRun
{
    private readonly StringBuilder _output = new();
    private string? _text;

    public Guid? RunId { get; private set; }

    public RunPhase Phase { get; private set; } = RunPhase.Running;

    public IReadOnlyList<RunMessageDto> Messages { get; private set; } = [];

    /// <summary>The model's answer so far. Untrusted.</summary>
    public string Output => _text ??= _output.ToString();

    /// <summary>How long the answer is so far, without building it.</summary>
    public int OutputLength => _output.Length;

    /// <summary>The saved run's numbers, once it has ended.</summary>
    public RunSummaryDto? Summary { get; private set; }

    /// <summary>The run as the portal recorded it, sent with its last event; null until then, and for a cancelled run.</summary>
    public RunDetailsDto? Recorded { get; private set; }

    public ApiProblem? Problem { get; private set; }

    public IReadOnlyList<RunSpanDto> Spans { get; private set; } = [];

    public bool IsRunning => Phase == RunPhase.Running;

    public static ShownRun Starting() => new();

    public static ShownRun Saved(RunDetailsDto run)
    {
        var shown = new ShownRun
        {
            RunId = run.Summary.Id,
            Phase = PhaseOf(run.Summary.Status),
            Messages = run.Messages,
            Summary = run.Summary,
            Problem = run.Summary.Problem is { } problem ? new ApiProblem(0, problem.Title, problem.Detail) : null,
            Spans = run.Spans,
        };
        shown._output.Append(run.Output);
        return shown;
    }

    public void Apply(RunEventDto update)
    {
        switch (update)
        {
            case RunRenderedEventDto rendered:
                RunId = rendered.RunId;
                Messages = rendered.Messages;
                Spans = rendered.Spans ?? [];
                break;
            case RunDeltaEventDto delta:
                _output.Append(delta.Text);
                _text = null;
                break;
            case RunCompletedEventDto completed:
                End(completed.Run, null);
                break;
            case RunFailedEventDto failed:
                End(failed.Run, failed.Problem);
                break;
        }
    }

    /// <summary>The person stopped the run; the portal saves it as cancelled with what arrived.</summary>
    public void Cancel() => Phase = RunPhase.Cancelled;

    private void End(RunDetailsDto run, ApiProblem? problem)
    {
        Recorded = run;
        Summary = run.Summary;
        Spans = run.Spans;
        Problem = problem;
        Phase = PhaseOf(run.Summary.Status);
    }

    public static RunPhase PhaseOf(RunStatusDto status) => status switch
    {
        RunStatusDto.Succeeded => RunPhase.Succeeded,
        RunStatusDto.Failed => RunPhase.Failed,
        _ => RunPhase.Cancelled,
    };
}
