namespace AiNative.Portal.Components.Pages.Models;

/// <summary>The field messages of an <see cref="Client.Contracts.ApiProblem"/>, for showing each on its form field.</summary>
public sealed class FieldErrors(IReadOnlyDictionary<string, string[]>? errors)
{
    private readonly Dictionary<string, string[]> _errors = new(errors ?? new Dictionary<string, string[]>(), StringComparer.OrdinalIgnoreCase);

    public static FieldErrors None { get; } = new(null);

    public bool Has(string field) => _errors.ContainsKey(field);

    public string? For(string field) => _errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;
}
