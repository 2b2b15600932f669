namespace AiNative.Services.Models.Invocation;

/// <summary>Tokens of a call: the provider's count, or the portal's tokenizer count when the provider gave none.</summary>
public sealed record TokenUsage(long InputTokens, long OutputTokens, bool IsEstimated)
{
    public long TotalTokens => InputTokens + OutputTokens;
}
