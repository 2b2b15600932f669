using System.Text.Json;

namespace AiNative.Services.Evaluation.Judges;

internal static class JudgeJson
{
    private const int ExcerptLength = 200;

    /// <summary>The JSON object a judge answered, unwrapped from a Markdown code fence; null with why when it is not one.</summary>
    public static JsonElement? Object(string answer, out string? problem)
    {
        problem = null;
        var text = answer.Trim();
        if (text.StartsWith("```", StringComparison.Ordinal))
        {
            var firstLine = text.IndexOf('\n', StringComparison.Ordinal);
            var closing = text.LastIndexOf("```", StringComparison.Ordinal);
            text = firstLine > 0 && closing > firstLine ? text[(firstLine + 1)..closing].Trim() : text;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return document.RootElement.Clone();
            }
        }
        catch (JsonException)
        {
            // Reported below with the answer itself.
        }

        problem = $"The judge's answer is not the JSON object its rubric asks for: {Excerpt(answer)}";
        return null;
    }

    public static string Excerpt(string answer)
    {
        var trimmed = answer.Trim();
        return trimmed.Length == 0 ? "(empty)" : trimmed.Length <= ExcerptLength ? $"'{trimmed}'" : $"'{trimmed[..ExcerptLength]}…'";
    }
}
