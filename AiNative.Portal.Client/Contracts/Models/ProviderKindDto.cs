namespace AiNative.Portal.Client.Contracts.Models;

public enum ProviderKindDto
{
    /// <summary>Built into the portal: an extractive responder and hashed n-gram embeddings. Not language models.</summary>
    Offline = 1,

    OpenAI = 2,

    /// <summary>Azure OpenAI through its v1 endpoint, <c>https://&lt;resource&gt;.openai.azure.com/openai/v1/</c>.</summary>
    AzureOpenAI = 3,

    /// <summary>Any server with the OpenAI API: Ollama, vLLM, LM Studio, llama.cpp server.</summary>
    OpenAICompatible = 4,

    /// <summary>Ollama's native API.</summary>
    Ollama = 5,
}
