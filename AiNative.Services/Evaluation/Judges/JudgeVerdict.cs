using System.Text.Json;
using Microsoft.Extensions.AI;

namespace AiNative.Services.Evaluation.Judges;

/// <summary>
/// A judge's structured answer: a score from <see cref="MinScore"/> to <see cref="MaxScore"/> and its reason.
/// Models asked for JSON sometimes wrap it in a Markdown fence; anything else that is not this shape is garbage.
/// </summary>
public sealed record JudgeVerdict(int Score, string Reason)
{
    public const int MinScore = 1;

    public const int MaxScore = 5;

    public static ChatResponseFormat Format { get; } = ChatResponseFormat.ForJsonSchema(
        JsonDocument.Parse($$"""
            {
              "type": "object",
              "properties": {
                "score": { "type": "integer", "minimum": {{MinScore}}, "maximum": {{MaxScore}} },
                "reason": { "type": "string" }
              },
              "required": ["score", "reason"],
              "additionalProperties": false
            }
            """).RootElement,
        "judge_verdict",
        "A score for the answer against the rubric, and the reason for it.");

    /// <summary>The verdict in <paramref name="answer"/>, or null with why it cannot be read.</summary>
    public static JudgeVerdict? Parse(string answer, out string? problem)
    {
        problem = null;
        if (JudgeJson.Object(answer, out problem) is not { } root)
        {
            return null;
        }

        if (!root.TryGetProperty("score", out var score) || score.ValueKind != JsonValueKind.Number
            || !score.TryGetDouble(out var value) || value != Math.Floor(value) || value < MinScore || value > MaxScore)
        {
            problem = $"The judge's answer has no whole score from {MinScore} to {MaxScore}: {JudgeJson.Excerpt(answer)}";
            return null;
        }

        var reason = root.TryGetProperty("reason", out var text) && text.ValueKind == JsonValueKind.String ? text.GetString() ?? string.Empty : string.Empty;
        return new JudgeVerdict((int)value, reason);
    }
}
