namespace AiNative.Services.Runs;

/// <summary>A step of a run that has started; <see cref="End"/> records it as a span of the trace.</summary>
internal sealed class TraceStep(RunTrace trace, string name, TimeSpan startOffset)
{
    public Dictionary<string, string> Attributes { get; } = [];

    public List<RetrievedChunk> Hits { get; } = [];

    /// <summary>Time since this step started.</summary>
    public TimeSpan Elapsed => trace.Elapsed - startOffset;

    public TraceStep Set(string key, object? value)
    {
        if (value is not null)
        {
            Attributes[key] = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
        }

        return this;
    }

    public void End(RunStatus status) => trace.Spans.Add(new RunSpan
    {
        Name = name,
        Status = status,
        StartOffsetMs = startOffset.TotalMilliseconds,
        DurationMs = Elapsed.TotalMilliseconds,
        Attributes = Attributes,
        Hits = Hits,
    });
}
