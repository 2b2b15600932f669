namespace AiNative.Services.Models;

public enum ProviderKind
{
    /// <summary>Built in: hashed n-gram embeddings and an extractive responder. Not a language model.</summary>
    Offline = 1,

    OpenAI = 2,

    /// <summary>Azure OpenAI through its OpenAI-compatible v1 endpoint (<c>https://&lt;resource&gt;.openai.azure.com/openai/v1/</c>).</summary>
    AzureOpenAI = 3,

    /// <summary>Any server that speaks the OpenAI API: Ollama, vLLM, LM Studio, llama.cpp server.</summary>
    OpenAICompatible = 4,

    /// <summary>Ollama's native API (OllamaSharp).</summary>
    Ollama = 5,
}
