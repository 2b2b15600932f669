using System.Globalization;

namespace AiNative.Services.Traces;

/// <summary>
/// An observation that has started; <see cref="EndAsync"/> hands it to its trace, which queues it for the
/// writer. Content (input, output) goes through <see cref="SetInput"/> and <see cref="SetOutput"/>, which
/// keep it per the team's privacy.
/// </summary>
public sealed class ActiveObservation
{
    private readonly ActiveTrace _trace;
    private readonly TimeSpan _startOffset;
    private int _ended;

    internal ActiveObservation(ActiveTrace trace, ObservationType type, string name, Guid? parentId, TimeSpan startOffset)
    {
        _trace = trace;
        _startOffset = startOffset;
        Record = new Observation
        {
            TeamId = trace.Trace.TeamId,
            TraceId = trace.Id,
            ParentId = parentId,
            Type = type,
            Name = name,
            Status = TraceStatus.Running,
            StartedAt = trace.Trace.StartedAt + startOffset,
        };
    }

    public Guid Id => Record.Id;

    public ActiveTrace Trace => _trace;

    /// <summary>The observation's fields, to fill before <see cref="EndAsync"/>: model, usage, cost, hits.</summary>
    public Observation Record { get; }

    /// <summary>Time since this observation started.</summary>
    public TimeSpan Elapsed => _trace.Elapsed - _startOffset;

    public ActiveObservation Set(string key, object? value)
    {
        if (value is not null)
        {
            Record.Attributes[key] = Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
        }

        return this;
    }

    public ActiveObservation SetInput(string? content)
    {
        Record.Input = TraceContent.Keep(_trace.Privacy, content, Record.Attributes, TraceContent.InputLength);
        return this;
    }

    public ActiveObservation SetOutput(string? content)
    {
        Record.Output = TraceContent.Keep(_trace.Privacy, content, Record.Attributes, TraceContent.OutputLength);
        return this;
    }

    /// <summary>A nested observation, started now.</summary>
    public ActiveObservation Start(ObservationType type, string name) => _trace.Start(type, name, Id);

    /// <summary>Ends the observation once; later calls change nothing.</summary>
    public ValueTask EndAsync(TraceStatus status)
    {
        if (Interlocked.Exchange(ref _ended, 1) == 1)
        {
            return ValueTask.CompletedTask;
        }

        Record.Status = status;
        Record.DurationMs = Elapsed.TotalMilliseconds;
        return _trace.AddAsync(Record);
    }
}
