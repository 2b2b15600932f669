namespace AiNative.Portal.Client.Contracts.Runs;

/// <summary>The next piece of the model's answer. Untrusted text.</summary>
public sealed record RunDeltaEventDto(string Text) : RunEventDto
{
    public override string EventType => Delta;
}
