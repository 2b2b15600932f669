namespace AiNative.Services.Runs;

/// <summary>The clock of one run and the spans its steps recorded, with offsets from the run's start.</summary>
internal sealed class RunTrace(TimeProvider clock)
{
    private readonly long _started = clock.GetTimestamp();

    public List<RunSpan> Spans { get; } = [];

    public TimeSpan Elapsed => clock.GetElapsedTime(_started);

    public TraceStep Start(string name) => new(this, name, Elapsed);
}
