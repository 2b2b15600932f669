namespace AiNative.Portal.Client.Contracts.Knowledge;

public sealed record SearchTimingDto(double EmbeddingMs, double VectorMs, double KeywordMs, double TotalMs);
