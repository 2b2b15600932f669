using AiNative.Portal.Client.Contracts.Usage;
using MudBlazor;

namespace AiNative.Portal.Components.Pages.Usage;

/// <summary>
/// A report's days as stacked bar series: the largest groups each in their own colour and the rest as
/// "Other", so a chart stays readable with hundreds of keys or prompts.
/// </summary>
public static class UsageChartData
{
    public const int NamedGroups = 5;

    public const string Other = "Other";

    public static string[] DayLabels(DateOnly from, DateOnly to)
    {
        var count = to.DayNumber - from.DayNumber + 1;
        var every = count <= 14 ? 1 : 7;
        return [.. Enumerable.Range(0, count).Select(i => i % every == 0 ? from.AddDays(i).ToString("MM-dd", System.Globalization.CultureInfo.InvariantCulture) : string.Empty)];
    }

    public static List<ChartSeries<double>> Series(UsageReportDto report, Func<UsageFiguresDto, double> value)
    {
        var (from, to) = (report.Query.From, report.Query.To);
        var count = to.DayNumber - from.DayNumber + 1;
        var named = report.Groups.Take(NamedGroups).Select(g => g.Label).ToList();
        var series = named.Append(Other).ToDictionary(n => n, _ => new double[count], StringComparer.Ordinal);
        foreach (var day in report.Days)
        {
            var name = named.Contains(day.Group, StringComparer.Ordinal) ? day.Group : Other;
            series[name][day.Day.DayNumber - from.DayNumber] += value(day.Figures);
        }

        return [.. series.Where(s => s.Value.Any(v => v > 0)).Select(s => new ChartSeries<double> { Name = s.Key, Data = new ChartData<double>(s.Value) })];
    }
}
