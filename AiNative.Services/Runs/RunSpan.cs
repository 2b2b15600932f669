using AiNative.Services.Teams;

namespace AiNative.Services.Runs;

/// <summary>
/// One step of a run's trace (see <see cref="SpanNames"/>): when it started after the run began,
/// how long it took, how it ended, and what it worked with.
/// </summary>
public sealed class RunSpan : ITeamOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TeamId { get; set; }

    public Guid RunId { get; set; }

    public required string Name { get; set; }

    public RunStatus Status { get; set; }

    public double StartOffsetMs { get; set; }

    public double DurationMs { get; set; }

    /// <summary>Facts of the step, named after the OpenTelemetry GenAI conventions where one exists; stored as JSON.</summary>
    public Dictionary<string, string> Attributes { get; set; } = [];

    /// <summary>The chunks a <see cref="SpanNames.Retrieve"/> step found, best first; empty for other steps.</summary>
    public List<RetrievedChunk> Hits { get; set; } = [];
}
