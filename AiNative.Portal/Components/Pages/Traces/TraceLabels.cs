using System.Globalization;
using AiNative.Portal.Client.Contracts.Traces;
using MudBlazor;

namespace AiNative.Portal.Components.Pages.Traces;

/// <summary>How the trace pages name sources, steps, statuses, scores and privacy levels.</summary>
public static class TraceLabels
{
    public static IReadOnlyList<TraceSourceDto> Sources { get; } = Enum.GetValues<TraceSourceDto>();

    public static IReadOnlyList<TraceStatusDto> Statuses { get; } = Enum.GetValues<TraceStatusDto>();

    public static IReadOnlyList<TracePrivacyDto> PrivacyLevels { get; } = Enum.GetValues<TracePrivacyDto>();

    public static string Of(TraceSourceDto source) => source switch
    {
        TraceSourceDto.Playground => "Playground",
        TraceSourceDto.Knowledge => "Knowledge",
        TraceSourceDto.Experiment => "Experiment",
        TraceSourceDto.Gateway => "Gateway",
        TraceSourceDto.ConnectionTest => "Connection test",
        TraceSourceDto.Ingestion => "Document ingestion",
        TraceSourceDto.Evaluator => "Evaluator",
        _ => "API",
    };

    public static string Of(TraceStatusDto status) => status switch
    {
        TraceStatusDto.Succeeded => "Succeeded",
        TraceStatusDto.Failed => "Failed",
        TraceStatusDto.Cancelled => "Cancelled",
        _ => "Running",
    };

    public static Color ColorOf(TraceStatusDto status) => status switch
    {
        TraceStatusDto.Succeeded => Color.Success,
        TraceStatusDto.Failed => Color.Error,
        TraceStatusDto.Running => Color.Info,
        _ => Color.Warning,
    };

    public static string IconOf(TraceStatusDto status) => status switch
    {
        TraceStatusDto.Succeeded => Icons.Material.Filled.CheckCircle,
        TraceStatusDto.Failed => Icons.Material.Filled.Error,
        TraceStatusDto.Running => Icons.Material.Filled.HourglassTop,
        _ => Icons.Material.Filled.StopCircle,
    };

    public static string Of(ObservationTypeDto type) => type switch
    {
        ObservationTypeDto.Generation => "generation",
        ObservationTypeDto.Embedding => "embedding",
        ObservationTypeDto.Retrieval => "retrieval",
        ObservationTypeDto.Render => "render",
        ObservationTypeDto.ToolCall => "tool call",
        _ => "span",
    };

    public static string Of(ScoreSourceDto source) => source switch
    {
        ScoreSourceDto.Evaluator => "Evaluator",
        ScoreSourceDto.Human => "Person",
        _ => "API",
    };

    public static string Of(ScoreDataTypeDto type) => type switch
    {
        ScoreDataTypeDto.Numeric => "Numeric",
        ScoreDataTypeDto.Boolean => "Yes / no",
        _ => "Categorical",
    };

    public static string Of(TracePrivacyDto privacy) => privacy switch
    {
        TracePrivacyDto.Full => "Full content",
        TracePrivacyDto.MetadataOnly => "Metadata only",
        _ => "No content",
    };

    /// <summary>What each privacy level keeps, in a sentence.</summary>
    public static string Explain(TracePrivacyDto privacy) => privacy switch
    {
        TracePrivacyDto.Full =>
            "Inputs, messages and outputs are kept as they were, so anyone in the team can read what was sent to the models and what came back.",
        TracePrivacyDto.MetadataOnly =>
            "Only the shape of the content is kept (message roles, variable names and lengths), never its text; tokens, cost, times and steps stay.",
        _ => "No content at all is kept: only tokens, cost, times, statuses and the names of the steps.",
    };

    /// <summary>"4", "yes", "positive": a score's value as its type reads.</summary>
    public static string ValueOf(ScoreDto score) => score.DataType switch
    {
        ScoreDataTypeDto.Numeric => score.Value?.ToString("0.###", CultureInfo.InvariantCulture) ?? "—",
        // An evaluator that could not score leaves a score without a value (its comment says why): never a "no".
        ScoreDataTypeDto.Boolean when score.Value is null && score.StringValue is null => "—",
        ScoreDataTypeDto.Boolean => score.Value is 1 || score.StringValue == "true" ? "yes" : "no",
        _ => score.StringValue ?? "—",
    };

    /// <summary>"1 to 5", "yes or no", "positive, negative": the values a definition accepts.</summary>
    public static string RangeOf(ScoreDefinitionDto definition) => definition.DataType switch
    {
        ScoreDataTypeDto.Boolean => "yes or no",
        ScoreDataTypeDto.Categorical => string.Join(", ", definition.Categories),
        _ => (definition.Minimum, definition.Maximum) switch
        {
            ({ } min, { } max) => $"{Number(min)} to {Number(max)}",
            ({ } min, null) => $"at least {Number(min)}",
            (null, { } max) => $"at most {Number(max)}",
            _ => "any number",
        },
    };

    public static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>Times as the pages show them: in UTC, as the date filter reads them.</summary>
    public static string When(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
