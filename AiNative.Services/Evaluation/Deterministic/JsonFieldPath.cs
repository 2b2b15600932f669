using System.Globalization;
using System.Text.Json;

namespace AiNative.Services.Evaluation.Deterministic;

/// <summary>
/// A path to one value in a JSON document, in the dotted subset of JSONPath: <c>$.order.items[0].sku</c>
/// (the leading <c>$.</c> is optional). Each step is a property name or an array index.
/// </summary>
public sealed class JsonFieldPath
{
    private readonly IReadOnlyList<object> _steps;

    private JsonFieldPath(string text, IReadOnlyList<object> steps)
    {
        Text = text;
        _steps = steps;
    }

    public string Text { get; }

    /// <summary>The path, or null with <paramref name="problem"/> saying what is wrong with it.</summary>
    public static JsonFieldPath? TryParse(string? text, out string? problem)
    {
        problem = null;
        var rest = text?.Trim() ?? string.Empty;
        rest = rest.StartsWith("$.", StringComparison.Ordinal) ? rest[2..] : rest == "$" ? string.Empty : rest;
        if (rest.Length == 0)
        {
            problem = "Enter a path to a field, like $.answer or $.items[0].name.";
            return null;
        }

        var steps = new List<object>();
        foreach (var part in rest.Split('.'))
        {
            var name = part;
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            var indexes = bracket < 0 ? string.Empty : part[bracket..];
            name = bracket < 0 ? part : part[..bracket];
            if (name.Length > 0)
            {
                steps.Add(name);
            }
            else if (indexes.Length == 0)
            {
                problem = $"The path '{text}' has an empty step; write names separated by single dots.";
                return null;
            }

            while (indexes.Length > 0)
            {
                var close = indexes.IndexOf(']', StringComparison.Ordinal);
                if (!indexes.StartsWith('[') || close < 0 || !int.TryParse(indexes[1..close], NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                {
                    problem = $"The path '{text}' has a bad index; write array positions as [0], [1], ….";
                    return null;
                }

                steps.Add(index);
                indexes = indexes[(close + 1)..];
            }
        }

        return new JsonFieldPath(text!.Trim(), steps);
    }

    /// <summary>The value at the path, or null when a step is missing.</summary>
    public JsonElement? Find(JsonElement root)
    {
        var current = root;
        foreach (var step in _steps)
        {
            if (step is string name && current.ValueKind == JsonValueKind.Object && current.TryGetProperty(name, out var child))
            {
                current = child;
            }
            else if (step is int index && current.ValueKind == JsonValueKind.Array && index < current.GetArrayLength())
            {
                current = current[index];
            }
            else
            {
                return null;
            }
        }

        return current;
    }
}
