namespace AiNative.Portal.Client.Components.Playground;

/// <summary>Where the shown run is: still streaming, or how it ended.</summary>
public enum RunPhase
{
    Running,
    Succeeded,
    Failed,
    Cancelled,
}
