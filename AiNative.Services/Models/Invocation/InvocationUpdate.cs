namespace AiNative.Services.Models.Invocation;

/// <summary>A piece of a streamed call: text as it arrives, then the completed result.</summary>
public abstract record InvocationUpdate;

public sealed record TextDelta(string Text) : InvocationUpdate;

public sealed record InvocationCompleted(InvocationResult Result) : InvocationUpdate;
