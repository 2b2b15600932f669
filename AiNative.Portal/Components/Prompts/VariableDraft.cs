using AiNative.Portal.Client.Contracts.Prompts;

namespace AiNative.Portal.Components.Prompts;

/// <summary>The default and description being written for one variable in the version editor.</summary>
public sealed class VariableDraft(string name)
{
    public string Name { get; } = name;

    public string? DefaultValue { get; set; }

    public string? Description { get; set; }

    /// <summary>An empty default field means "no default": rendering then asks for a value.</summary>
    public PromptVariableDto ToDto() =>
        new(Name, string.IsNullOrEmpty(DefaultValue) ? null : DefaultValue, string.IsNullOrWhiteSpace(Description) ? null : Description);
}
