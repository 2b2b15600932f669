using AiNative.Services.Traces.Recording;

namespace AiNative.Services.Traces;

/// <summary>
/// A trace being recorded: observations are started from it and queued as they end; its totals of
/// tokens and cost are the sums of its model calls. <see cref="AnnounceAsync"/> saves it as running
/// (for work people watch), <see cref="EndAsync"/> saves how it ended. A trace that is neither announced
/// nor ended (work refused before it was sent, such as a template that does not render) leaves nothing.
/// </summary>
public sealed class ActiveTrace
{
    private readonly TraceWriter _writer;
    private readonly LiveTraces _live;
    private readonly TimeProvider _clock;
    private readonly long _started;
    private readonly Lock _lock = new();
    private readonly List<Observation> _observations = [];

    /// <summary>Observations that ended before the trace was announced; queued with it, or dropped with a trace that never was.</summary>
    private readonly List<Observation> _held = [];
    private bool _written;
    private bool _generationSeen;
    private int _ended;

    internal ActiveTrace(Trace trace, TracePrivacy privacy, TraceWriter writer, LiveTraces live, TimeProvider clock)
    {
        _writer = writer;
        _live = live;
        _clock = clock;
        _started = clock.GetTimestamp();
        Trace = trace;
        Privacy = privacy;
    }

    public Guid Id => Trace.Id;

    /// <summary>The trace's fields, for its owner to fill (prompt, tags, problem) before it ends.</summary>
    public Trace Trace { get; }

    public TracePrivacy Privacy { get; }

    public TimeSpan Elapsed => _clock.GetElapsedTime(_started);

    /// <summary>The observations ended so far, in the order they started.</summary>
    public IReadOnlyList<Observation> Observations
    {
        get
        {
            lock (_lock)
            {
                return [.. _observations.OrderBy(o => o.StartedAt)];
            }
        }
    }

    public ActiveObservation Start(ObservationType type, string name, Guid? parentId = null) => new(this, type, name, parentId, Elapsed);

    public ActiveTrace SetInput(string? content)
    {
        Trace.Input = TraceContent.Keep(Privacy, content, Trace.Metadata, TraceContent.InputLength);
        return this;
    }

    public ActiveTrace SetOutput(string? content)
    {
        Trace.Output = TraceContent.Keep(Privacy, content, Trace.Metadata, TraceContent.OutputLength);
        return this;
    }

    public ActiveTrace SetProblem(string title, string? detail)
    {
        Trace.ProblemTitle = Shorten(title, TraceRules.ProblemTitleMaxLength);
        Trace.ProblemDetail = detail is null ? null : Shorten(detail, TraceRules.ProblemDetailMaxLength);
        return this;
    }

    /// <summary>Saves the trace as running, so it is listed (and can be waited for) while it works.</summary>
    public async ValueTask AnnounceAsync()
    {
        _live.Started(Id);
        await WriteStateAsync();
    }

    /// <summary>Ends the trace once with <paramref name="status"/>; later calls change nothing.</summary>
    public async ValueTask EndAsync(TraceStatus status)
    {
        if (Interlocked.Exchange(ref _ended, 1) == 1)
        {
            return;
        }

        Trace.Status = status;
        Trace.LatencyMs = Elapsed.TotalMilliseconds;
        Trace.EndedAt = Trace.StartedAt + Elapsed;
        await WriteStateAsync();
        _live.Ended(Id);
    }

    internal ValueTask AddAsync(Observation observation)
    {
        lock (_lock)
        {
            _observations.Add(observation);
            Accumulate(observation);
            if (!_written)
            {
                _held.Add(observation);
                return ValueTask.CompletedTask;
            }
        }

        return _writer.WriteAsync(observation);
    }

    /// <summary>Queues a copy taken under the lock, since observations ending on other threads add to the totals.</summary>
    private async ValueTask WriteStateAsync()
    {
        Trace copy;
        List<Observation> held;
        lock (_lock)
        {
            copy = TraceSnapshots.Copy(Trace);
            held = [.. _held];
            _held.Clear();
            _written = true;
        }

        await _writer.WriteCopyAsync(copy);
        foreach (var observation in held)
        {
            await _writer.WriteAsync(observation);
        }
    }

    private void Accumulate(Observation observation)
    {
        if (observation.Type is not (ObservationType.Generation or ObservationType.Embedding))
        {
            return;
        }

        Trace.InputTokens += observation.InputTokens;
        Trace.OutputTokens += observation.OutputTokens;
        Trace.Cost += observation.Cost;
        Trace.UsageEstimated |= observation.UsageEstimated;

        // The first generation is the trace's model; an embedding names it only until a generation comes.
        var firstGeneration = observation.Type == ObservationType.Generation && !_generationSeen;
        if (firstGeneration || (!_generationSeen && Trace.ModelId is null))
        {
            _generationSeen |= firstGeneration;
            Trace.ModelId = observation.ModelId;
            Trace.ModelName = observation.ModelName;
            Trace.TimeToFirstTokenMs = observation.TimeToFirstTokenMs;
            Trace.FinishReason = observation.FinishReason;
        }
    }

    private static string Shorten(string text, int length) => text.Length <= length ? text : $"{text[..(length - 1)]}…";
}
