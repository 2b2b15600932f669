namespace AiNative.Portal.Client.Components.Playground;

/// <summary>The value being given to one variable, starting from its default.</summary>
public sealed class VariableInput(string name, string? defaultValue = null, string? description = null)
{
    public string Name { get; } = name;

    public string? DefaultValue { get; } = defaultValue;

    public string? Description { get; } = description;

    public string Value { get; set; } = defaultValue ?? string.Empty;

    /// <summary>What to send: the text as typed, or null (not given) for an empty field without a default, so the portal asks for it.</summary>
    public string? ToValue() => Value.Length == 0 && DefaultValue is null ? null : Value;
}
