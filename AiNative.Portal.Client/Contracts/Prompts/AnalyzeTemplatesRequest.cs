namespace AiNative.Portal.Client.Contracts.Prompts;

public sealed record AnalyzeTemplatesRequest(string SystemTemplate, string UserTemplate);
