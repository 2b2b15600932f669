using System.Text.Json;
using Microsoft.Extensions.AI;

namespace AiNative.Services.Evaluation.Judges;

/// <summary>A pairwise judge's answer: which of two answers, shown first and second, is better (or a tie), and why.</summary>
public sealed record PairwiseVerdict(PairwiseWinner Winner, string Reason)
{
    public static ChatResponseFormat Format { get; } = ChatResponseFormat.ForJsonSchema(
        JsonDocument.Parse("""
            {
              "type": "object",
              "properties": {
                "winner": { "type": "string", "enum": ["first", "second", "tie"] },
                "reason": { "type": "string" }
              },
              "required": ["winner", "reason"],
              "additionalProperties": false
            }
            """).RootElement,
        "pairwise_verdict",
        "Which answer is better, the first or the second, or a tie, and why.");

    public static PairwiseVerdict? Parse(string answer, out string? problem)
    {
        if (JudgeJson.Object(answer, out problem) is not { } root)
        {
            return null;
        }

        var winner = root.TryGetProperty("winner", out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()?.Trim().ToLowerInvariant() : null;
        PairwiseWinner? parsed = winner switch
        {
            "first" => PairwiseWinner.First,
            "second" => PairwiseWinner.Second,
            "tie" => PairwiseWinner.Tie,
            _ => null,
        };
        if (parsed is null)
        {
            problem = $"The judge's answer names no winner (first, second or tie): {JudgeJson.Excerpt(answer)}";
            return null;
        }

        var reason = root.TryGetProperty("reason", out var text) && text.ValueKind == JsonValueKind.String ? text.GetString() ?? string.Empty : string.Empty;
        return new PairwiseVerdict(parsed.Value, reason);
    }
}
