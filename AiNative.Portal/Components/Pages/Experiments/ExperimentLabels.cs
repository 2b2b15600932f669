using System.Globalization;
using AiNative.Portal.Client.Contracts.Experiments;
using MudBlazor;

namespace AiNative.Portal.Components.Pages.Experiments;

/// <summary>How experiments, cells and their figures read on the pages.</summary>
internal static class ExperimentLabels
{
    public static string Of(ExperimentStatusDto status) => status switch
    {
        ExperimentStatusDto.Draft => "Draft",
        ExperimentStatusDto.Running => "Running",
        ExperimentStatusDto.Completed => "Completed",
        ExperimentStatusDto.Cancelled => "Cancelled",
        _ => "Stopped by cost cap",
    };

    public static Color ColorOf(ExperimentStatusDto status) => status switch
    {
        ExperimentStatusDto.Running => Color.Info,
        ExperimentStatusDto.Completed => Color.Success,
        ExperimentStatusDto.Draft => Color.Default,
        _ => Color.Warning,
    };

    public static string Of(CellStatusDto status) => status switch
    {
        CellStatusDto.Pending => "Waiting",
        CellStatusDto.Running => "Running",
        CellStatusDto.Succeeded => "Succeeded",
        CellStatusDto.Failed => "Failed",
        CellStatusDto.SkippedByCap => "Skipped (cost cap)",
        _ => "Cancelled",
    };

    public static Color ColorOf(CellStatusDto status) => status switch
    {
        CellStatusDto.Succeeded => Color.Success,
        CellStatusDto.Failed => Color.Error,
        CellStatusDto.Running or CellStatusDto.Pending => Color.Info,
        _ => Color.Warning,
    };

    /// <summary>US dollars with as many places as a fraction of a cent needs.</summary>
    public static string Cost(decimal cost) => cost == 0 ? "$0" : string.Create(CultureInfo.InvariantCulture, $"${cost:0.00####}");

    /// <summary>Scores of 0 to 1 are charted as percentages (× 100): the charts' axis steps are whole numbers.</summary>
    public static double ScoreScale(ExperimentSummaryDto summary, int evaluator) =>
        summary.Variants.All(v => (v.Scores[evaluator].MeanHigh ?? 0) <= 1) ? 100 : 1;

    public static string Milliseconds(double? ms) => ms is { } value ? $"{value:N0} ms" : "—";

    public static string Number(double? value) => value is { } v ? v.ToString("0.###", CultureInfo.InvariantCulture) : "—";

    /// <summary>A p-value as papers print it: three places, and "&lt; 0.001" below.</summary>
    public static string PValue(double? p) => p switch
    {
        null => "—",
        < 0.001 => "< 0.001",
        { } value => value.ToString("0.###", CultureInfo.InvariantCulture),
    };

    public static string Percent(double? value) => value is { } v ? v.ToString("0.#%", CultureInfo.InvariantCulture) : "—";

    /// <summary>The time left, roughly, as people say it.</summary>
    public static string Remaining(double? seconds) => seconds switch
    {
        null => "—",
        < 60 => $"{Math.Ceiling(seconds.Value):0} s",
        < 3600 => $"{Math.Ceiling(seconds.Value / 60):0} min",
        _ => $"{seconds.Value / 3600:0.#} h",
    };

    public static string Progress(ExperimentProgressDto p) => p.Status == ExperimentStatusDto.Draft
        ? "Not started"
        : $"{p.Done:N0} of {p.CellCount:N0} cells";
}
