using AiNative.Services.Teams;

namespace AiNative.Services.Platform.Jobs;

/// <summary>
/// A unit of background work that survives restarts: claimed by one worker at a time with a lease
/// that the worker renews while it works, retried with back-off, and failed with its reason.
/// </summary>
public sealed class Job : ITeamOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TeamId { get; set; }

    /// <summary>Which <see cref="IJobHandler"/> runs it, such as <c>knowledge.ingest</c>.</summary>
    public required string Kind { get; set; }

    /// <summary>The handler's input as JSON.</summary>
    public required string Payload { get; set; }

    public JobStatus Status { get; set; } = JobStatus.Queued;

    /// <summary>Claims so far, including one cut short by a dead process.</summary>
    public int Attempts { get; set; }

    public string? LeaseOwner { get; set; }

    public DateTimeOffset? LeaseExpiresAt { get; set; }

    /// <summary>Not claimed before this time: back-off after a failed attempt.</summary>
    public DateTimeOffset AvailableAt { get; set; }

    /// <summary>From 0 to 1.</summary>
    public double Progress { get; set; }

    public string? ProgressMessage { get; set; }

    public string? Error { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }
}
