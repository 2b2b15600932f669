namespace AiNative.Portal.Client.Components.Playground;

/// <summary>
/// Axes of the small comparison charts. MudBlazor's axis steps are whole numbers, so a cost of a
/// fraction of a cent is charted per thousand or per million runs instead.
/// </summary>
public static class ChartScale
{
    /// <summary>Enough labels on a small chart's axis to read a bar's height, few enough to stay legible.</summary>
    public const int AxisLabels = 6;

    /// <summary>How many runs' cost to chart, so that the larger cost is at least one dollar, and the chart's title.</summary>
    public static (double Runs, string Title) CostUnit(decimal largest) => largest switch
    {
        >= 1 => (1, "Cost (US dollars)"),
        >= 0.001m => (1_000, "Cost of 1,000 such runs (US dollars)"),
        _ => (1_000_000, "Cost of 1,000,000 such runs (US dollars)"),
    };
}
