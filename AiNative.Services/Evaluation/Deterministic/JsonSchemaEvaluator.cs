using Microsoft.Extensions.AI.Evaluation;
using NJsonSchema;

namespace AiNative.Services.Evaluation.Deterministic;

/// <summary>Passes when the output is JSON that matches the schema (NJsonSchema), read once when the evaluator is built.</summary>
public sealed class JsonSchemaEvaluator(string metricName, JsonSchema schema) : DeterministicEvaluator(metricName)
{
    /// <summary>The schema read from its text; throws when it cannot be read (settings validation reports that first).</summary>
    public static JsonSchema Read(string schema) => JsonSchema.FromJsonAsync(schema).GetAwaiter().GetResult();

    public override EvaluationMetric Evaluate(string output, IEnumerable<EvaluationContext>? contexts)
    {
        if (JsonText.CannotBe(output))
        {
            return EvaluatorMetrics.Check(MetricName, false, JsonText.NotJson);
        }

        ICollection<NJsonSchema.Validation.ValidationError> errors;
        try
        {
            errors = schema.Validate(output);
        }
        catch (Newtonsoft.Json.JsonException e)
        {
            return EvaluatorMetrics.Check(MetricName, false, $"The output is not valid JSON: {e.Message}");
        }

        return errors.Count == 0
            ? EvaluatorMetrics.Check(MetricName, true, "The output matches the schema.")
            : EvaluatorMetrics.Check(MetricName, false, $"The output does not match the schema: {string.Join("; ", errors.Take(3).Select(e => $"{e.Path} {e.Kind}"))}");
    }
}
