namespace AiNative.Portal.Client.Contracts.Prompts;

public enum PromptTemplateKindDto
{
    System = 1,
    User = 2,
}
