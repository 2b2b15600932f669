namespace AiNative.Portal.Client.Contracts.Prompts;

public enum PromptResponseFormatDto
{
    Text = 1,
    Json = 2,
}
