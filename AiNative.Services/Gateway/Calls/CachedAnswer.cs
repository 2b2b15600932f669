namespace AiNative.Services.Gateway.Calls;

/// <summary>A text answer kept by the response cache, with what it cost when it was made (the saving of each hit).</summary>
public sealed record CachedAnswer(string Target, string Text, string? FinishReason, long InputTokens, long OutputTokens, decimal Cost);
