namespace AiNative.Services.Traces.Recording;

/// <summary><c>Portal:Traces</c>: how the background writer buffers and saves traces, and how often expired content is removed.</summary>
public sealed class TraceWriterOptions
{
    public const string Section = "Portal:Traces";

    /// <summary>Records the in-memory queue holds before callers wait for room (or records are dropped, see <see cref="DropWhenFull"/>).</summary>
    public int QueueCapacity { get; set; } = 20_000;

    /// <summary>The most records saved in one transaction.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>
    /// How long the writer gathers records after the first of a batch arrives, unless the batch fills or a reader queues a
    /// barrier (<see cref="TraceWriter.CatchUpAsync"/>): one transaction then saves many requests, and the writer wakes a
    /// few times a second rather than a hundred. Zero saves each record as soon as it is read.
    /// </summary>
    public TimeSpan BatchDelay { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// False (the default): a full queue slows callers down until the writer catches up, and nothing is lost.
    /// True: a full queue drops the record instead, and the drop is counted and shown on the Traces page.
    /// </summary>
    public bool DropWhenFull { get; set; }

    /// <summary>The longest pause between attempts while the database cannot be reached.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often the content of traces past their team's retention is removed.</summary>
    public TimeSpan RetentionInterval { get; set; } = TimeSpan.FromHours(1);
}
