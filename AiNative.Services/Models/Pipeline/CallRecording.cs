using AiNative.Services.Traces;
using Microsoft.Extensions.AI;

namespace AiNative.Services.Models.Pipeline;

/// <summary>
/// Where a model call is recorded: the trace and the observation it nests under. It travels with the
/// call in the options' additional properties, so a pipeline built once serves every trace; the
/// recording link leaves the ended observation in <see cref="Observation"/>.
/// </summary>
public sealed class CallRecording(ActiveTrace trace, Guid? parentId)
{
    private const string Key = "ainative.recording";

    public ActiveTrace Trace { get; } = trace;

    public Guid? ParentId { get; } = parentId;

    /// <summary>
    /// The input's tokens when the caller counted them already (ingestion does, when it partitions), so the usage of a
    /// provider that reports none is not counted a second time.
    /// </summary>
    public long? CountedInputTokens { get; set; }

    /// <summary>The call's observation once it has ended.</summary>
    public Observation? Observation { get; internal set; }

    public static CallRecording? Of(AdditionalPropertiesDictionary? properties) =>
        properties?.TryGetValue(Key, out var value) == true ? value as CallRecording : null;

    public AdditionalPropertiesDictionary AsProperties() => new() { [Key] = this };
}
