namespace AiNative.Services.Prompts;

/// <summary>Limits of a prompt and its versions, shared by validation and the database schema.</summary>
public static class PromptRules
{
    public const int NameMaxLength = 100;

    public const int DescriptionMaxLength = 1000;

    public const int CommitMessageMaxLength = 500;

    public const int TemplateMaxLength = 100_000;

    public const int VariableDefaultMaxLength = 20_000;

    public const int VariableDescriptionMaxLength = 500;

    public const float MaxTemperature = 2;

    public const float MaxTopP = 1;
}
