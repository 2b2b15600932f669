namespace AiNative.Services.Execution;

/// <summary>What a run reports while it runs: its messages, the answer in pieces, then how it ended.</summary>
public abstract record RunEvent;
