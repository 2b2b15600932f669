namespace AiNative.Services.Models.Offline;

/// <summary>Names and limits of the built-in offline models.</summary>
public static class OfflineModels
{
    public const string ProviderName = "Offline (built in)";

    public const string ChatModelId = "offline-chat";

    public const string EmbeddingModelId = "offline-embed";

    public const int EmbeddingDimensions = 384;

    public const int ContextWindow = 32_768;

    public const int MaxOutputTokens = 1_024;

    public const string ChatDescription =
        "Extractive responder: quotes the sentences of the supplied context that best match the question. Not a language model.";

    public const string EmbeddingDescription =
        "Hashed word and character n-gram embeddings (384 dimensions, L2-normalised). Not a neural model.";
}
