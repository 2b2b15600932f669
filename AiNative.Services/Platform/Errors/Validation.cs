namespace AiNative.Services.Platform.Errors;

/// <summary>Collects field errors and throws them together, so a form shows every problem at once.</summary>
public sealed class Validation
{
    private readonly Dictionary<string, List<string>> _errors = [];

    public Validation Require(bool condition, string field, string message)
    {
        if (!condition)
        {
            if (!_errors.TryGetValue(field, out var messages))
            {
                _errors[field] = messages = [];
            }

            messages.Add(message);
        }

        return this;
    }

    public Validation RequireText(string? value, string field, int maxLength = 200)
    {
        var name = field.ToLowerInvariant();
        return Require(!string.IsNullOrWhiteSpace(value), field, $"Enter a {name}.")
            .Require((value?.Length ?? 0) <= maxLength, field, $"The {name} must be at most {maxLength} characters.");
    }

    public void ThrowIfInvalid()
    {
        if (_errors.Count > 0)
        {
            throw new ValidationFailedException(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
        }
    }
}
