using System.Text.Json;
using Microsoft.Extensions.AI.Evaluation;

namespace AiNative.Services.Evaluation.Deterministic;

/// <summary>
/// Passes when the output is JSON whose field at the path equals the wanted value (the settings' value, else the
/// expected output). A wanted value that is itself JSON (<c>42</c>, <c>true</c>, <c>{"a":1}</c>) is compared as JSON,
/// so <c>1.0</c> equals <c>1</c>; any other text is compared with the field's string value.
/// </summary>
public sealed class JsonFieldEqualsEvaluator(string metricName, JsonFieldPath path, string? value) : DeterministicEvaluator(metricName)
{
    public override EvaluationMetric Evaluate(string output, IEnumerable<EvaluationContext>? contexts)
    {
        if (Expected(value, contexts) is not { } wanted)
        {
            return EvaluatorMetrics.CheckError(MetricName, EvaluatorMetrics.MissingExpectedOutput("JSON field equals"));
        }

        if (JsonText.CannotBe(output))
        {
            return EvaluatorMetrics.Check(MetricName, false, JsonText.NotJson);
        }

        try
        {
            using var document = JsonDocument.Parse(output);
            if (path.Find(document.RootElement) is not { } field)
            {
                return EvaluatorMetrics.Check(MetricName, false, $"The output has no field at {path.Text}.");
            }

            var equal = Equal(field, wanted.Trim());
            var actual = field.ValueKind == JsonValueKind.String ? field.GetString() : field.GetRawText();
            return EvaluatorMetrics.Check(MetricName, equal, equal ? $"{path.Text} is '{wanted}'." : $"{path.Text} is '{actual}', not '{wanted}'.");
        }
        catch (JsonException e)
        {
            return EvaluatorMetrics.Check(MetricName, false, $"The output is not valid JSON: {e.Message}");
        }
    }

    private static bool Equal(JsonElement field, string wanted)
    {
        if (field.ValueKind == JsonValueKind.String && field.ValueEquals(wanted))
        {
            return true;
        }

        try
        {
            using var wantedJson = JsonDocument.Parse(wanted);
            return field.ValueKind == JsonValueKind.Number && wantedJson.RootElement.ValueKind == JsonValueKind.Number
                ? field.GetDouble() == wantedJson.RootElement.GetDouble()
                : JsonElement.DeepEquals(field, wantedJson.RootElement);
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
