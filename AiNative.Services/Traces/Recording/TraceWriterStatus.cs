namespace AiNative.Services.Traces.Recording;

/// <summary>
/// The writer's counts since the process started: records waiting, saved, dropped because the queue was
/// full (only with <see cref="TraceWriterOptions.DropWhenFull"/>), and refused by the database (logged).
/// </summary>
public sealed record TraceWriterStatus(int Queued, long Written, long Dropped, long Refused, bool DatabaseUnavailable);
