using AiNative.Portal.Client.Contracts;

namespace AiNative.Portal.Components.Prompts;

/// <summary>The field errors of a failed call, to show on the form fields they belong to.</summary>
public sealed class FieldErrors
{
    private IReadOnlyDictionary<string, string[]> _errors = new Dictionary<string, string[]>();

    public bool Any => _errors.Count > 0;

    /// <summary>The messages for <paramref name="field"/> joined into one, or null.</summary>
    public string? Of(string field) =>
        _errors.TryGetValue(field, out var messages) && messages.Length > 0 ? string.Join(" ", messages) : null;

    public bool Has(string field) => _errors.ContainsKey(field);

    public void Show(ApiException failure) => _errors = failure.Errors;

    public void Clear() => _errors = new Dictionary<string, string[]>();
}
