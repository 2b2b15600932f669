using System.Globalization;
using AiNative.Services.Platform.Errors;

namespace AiNative.Services.Traces.Scoring;

/// <summary>Checks a value against its score's definition and gives it the stored form of its type.</summary>
internal static class ScoreValues
{
    public const string ValueField = "Value";

    public static (double? Numeric, string? Text) Check(ScoreDefinition definition, ScoreInput input) => definition.DataType switch
    {
        ScoreDataType.Numeric => Numeric(definition, input),
        ScoreDataType.Boolean => Boolean(definition, input),
        _ => Category(definition, input),
    };

    private static (double?, string?) Numeric(ScoreDefinition definition, ScoreInput input)
    {
        if (input.Value is not { } value || !double.IsFinite(value))
        {
            throw Invalid($"'{definition.Name}' is a numeric score: give a number as its value{Range(definition)}.");
        }

        if (value < definition.Minimum || value > definition.Maximum)
        {
            throw Invalid($"{value.ToString(CultureInfo.InvariantCulture)} is outside the range of '{definition.Name}'{Range(definition)}.");
        }

        return (value, null);
    }

    private static (double?, string?) Boolean(ScoreDefinition definition, ScoreInput input)
    {
        bool? value = (input.Value, input.StringValue?.Trim().ToLowerInvariant()) switch
        {
            (1, null) or (null, "true") => true,
            (0, null) or (null, "false") => false,
            _ => null,
        };
        return value is { } yes
            ? (yes ? 1 : 0, yes ? "true" : "false")
            : throw Invalid($"'{definition.Name}' is a yes/no score: give 1 or 0 as its value, or \"true\" or \"false\" as its string value.");
    }

    private static (double?, string?) Category(ScoreDefinition definition, ScoreInput input)
    {
        var chosen = definition.Categories.FirstOrDefault(c => string.Equals(c, input.StringValue?.Trim(), StringComparison.OrdinalIgnoreCase));
        return chosen is not null
            ? (null, chosen)
            : throw Invalid($"'{definition.Name}' is a categorical score: give one of {string.Join(", ", definition.Categories.Select(c => $"'{c}'"))} as its string value.");
    }

    private static string Range(ScoreDefinition definition) => (definition.Minimum, definition.Maximum) switch
    {
        ({ } min, { } max) => $" from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}",
        ({ } min, null) => $" of at least {min.ToString(CultureInfo.InvariantCulture)}",
        (null, { } max) => $" of at most {max.ToString(CultureInfo.InvariantCulture)}",
        _ => string.Empty,
    };

    private static ValidationFailedException Invalid(string message) => new(ValueField, message);
}
