using Microsoft.Extensions.AI;

namespace AiNative.Services.Models.Invocation;

/// <summary>A piece of a streamed call: text as it arrives, then the completed result.</summary>
public abstract record InvocationUpdate;

public sealed record TextDelta(string Text) : InvocationUpdate;

/// <summary>Functions the model asks its caller to call, each complete with its arguments.</summary>
public sealed record ToolCallsDelta(IReadOnlyList<FunctionCallContent> Calls) : InvocationUpdate;

public sealed record InvocationCompleted(InvocationResult Result) : InvocationUpdate;
