namespace AiNative.Services.Platform.Jobs;

/// <summary>
/// A job a worker holds the lease on, with the name of its team for the scope it runs in, and when
/// the lease runs out as written by the claim.
/// </summary>
public sealed record ClaimedJob(Guid Id, Guid TeamId, string TeamName, string Kind, string Payload, int Attempts, DateTimeOffset LeaseExpiresAt);
