namespace AiNative.Portal.Client.Contracts.Traces;

/// <summary>
/// The team's privacy setting for traces, and the trace writer's state: records waiting to be saved,
/// records dropped because the queue was full (only when the portal is configured to drop), and whether
/// the database is out of reach right now (records wait meanwhile). <see cref="ContentRetentionDays"/> is how long
/// traces keep their content (null: always).
/// </summary>
public sealed record TraceSettingsDto(TracePrivacyDto Privacy, int Queued, long Dropped, bool DatabaseUnavailable, int? ContentRetentionDays);
