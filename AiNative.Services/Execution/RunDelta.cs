namespace AiNative.Services.Execution;

/// <summary>The next piece of the model's answer. Untrusted text.</summary>
public sealed record RunDelta(string Text) : RunEvent;
