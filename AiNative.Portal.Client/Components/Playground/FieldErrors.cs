namespace AiNative.Portal.Client.Components.Playground;

/// <summary>The field errors of a failed run, to show on the inputs they belong to.</summary>
public sealed class FieldErrors
{
    private IReadOnlyDictionary<string, string[]> _errors = new Dictionary<string, string[]>();

    /// <summary>The messages for <paramref name="field"/> joined into one, or null.</summary>
    public string? Of(string field) =>
        _errors.TryGetValue(field, out var messages) && messages.Length > 0 ? string.Join(" ", messages) : null;

    public bool Has(string field) => _errors.ContainsKey(field);

    public void Show(IReadOnlyDictionary<string, string[]>? errors) => _errors = errors ?? new Dictionary<string, string[]>();

    public void Clear() => _errors = new Dictionary<string, string[]>();
}
