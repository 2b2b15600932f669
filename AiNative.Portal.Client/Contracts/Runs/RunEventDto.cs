using System.Text.Json.Serialization;

namespace AiNative.Portal.Client.Contracts.Runs;

/// <summary>
/// One event of a running prompt. On the wire each is a server-sent event whose name is
/// <see cref="EventType"/> and whose data is the JSON object, with the same name in <c>type</c>.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(RunRenderedEventDto), Rendered)]
[JsonDerivedType(typeof(RunDeltaEventDto), Delta)]
[JsonDerivedType(typeof(RunCompletedEventDto), Completed)]
[JsonDerivedType(typeof(RunFailedEventDto), Failed)]
public abstract record RunEventDto
{
    public const string Rendered = "rendered";

    public const string Delta = "delta";

    public const string Completed = "completed";

    public const string Failed = "failed";

    [JsonIgnore]
    public abstract string EventType { get; }
}
