using AiNative.Portal.Client.Contracts.Models;

namespace AiNative.Portal.Components.Pages.Models;

/// <summary>The words the Models page uses for the registry's values.</summary>
public static class ModelLabels
{
    public const string BuiltIn = "Built in · not a language model";

    public static IReadOnlyList<ProviderKindDto> ProviderKinds { get; } =
        [ProviderKindDto.OpenAICompatible, ProviderKindDto.OpenAI, ProviderKindDto.AzureOpenAI, ProviderKindDto.Ollama, ProviderKindDto.Offline];

    public static string Of(ProviderKindDto kind) => kind switch
    {
        ProviderKindDto.OpenAI => "OpenAI",
        ProviderKindDto.AzureOpenAI => "Azure OpenAI",
        ProviderKindDto.OpenAICompatible => "OpenAI-compatible server",
        ProviderKindDto.Ollama => "Ollama (native API)",
        _ => "Offline (built in)",
    };

    /// <summary>What to enter as the base URL for a kind.</summary>
    public static string BaseUrlHelp(ProviderKindDto kind) => kind switch
    {
        ProviderKindDto.OpenAI => "Leave empty for https://api.openai.com/v1.",
        ProviderKindDto.AzureOpenAI => "The resource's v1 endpoint: https://<resource>.openai.azure.com/openai/v1/",
        ProviderKindDto.Ollama => "Leave empty for http://localhost:11434.",
        _ => "The URL that ends in /v1: Ollama http://localhost:11434/v1, vLLM http://localhost:8000/v1, LM Studio http://localhost:1234/v1, llama.cpp http://localhost:8080/v1.",
    };

    public static string Of(ModelKindDto kind) => kind == ModelKindDto.Chat ? "Chat" : "Embedding";

    public static string Of(ConnectionOutcomeDto outcome) => outcome switch
    {
        ConnectionOutcomeDto.Reachable => "Reachable",
        ConnectionOutcomeDto.Unauthorized => "Unauthorised",
        ConnectionOutcomeDto.NotFound => "Not found",
        ConnectionOutcomeDto.TimedOut => "Timed out",
        ConnectionOutcomeDto.Unreachable => "Unreachable",
        ConnectionOutcomeDto.RateLimited => "Rate limited",
        ConnectionOutcomeDto.ProviderError => "Provider error",
        ConnectionOutcomeDto.AddressRefused => "Address refused",
        _ => "Request rejected",
    };

    public static string Of(ConnectionProbeDto probe) => probe switch
    {
        ConnectionProbeDto.ListedModels => "listed models",
        ConnectionProbeDto.OneTokenCall => "one-token call",
        _ => "built in",
    };

    /// <summary>A price per million tokens, in US dollars.</summary>
    public static string Price(decimal perMillion) => perMillion == 0 ? "free" : $"${perMillion:0.00##}";
}
