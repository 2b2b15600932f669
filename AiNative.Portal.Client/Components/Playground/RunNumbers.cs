using System.Globalization;

namespace AiNative.Portal.Client.Components.Playground;

/// <summary>How the playground writes tokens, times and costs.</summary>
public static class RunNumbers
{
    public static string Tokens(long tokens) => tokens.ToString("N0", CultureInfo.CurrentCulture);

    /// <summary>"850 ms" below two seconds, "12.4 s" above; "—" when there is no such time (no token arrived).</summary>
    public static string Duration(double? milliseconds) => milliseconds switch
    {
        null => "—",
        < 2000 => $"{milliseconds.Value.ToString("N0", CultureInfo.CurrentCulture)} ms",
        _ => $"{(milliseconds.Value / 1000).ToString("N1", CultureInfo.CurrentCulture)} s",
    };

    /// <summary>US dollars with enough decimals that a single small call does not read as zero.</summary>
    public static string Cost(decimal dollars) => dollars switch
    {
        0 => "$0",
        < 0.01m => $"${dollars.ToString("0.##########", CultureInfo.InvariantCulture)}",
        _ => $"${dollars.ToString("N4", CultureInfo.InvariantCulture)}",
    };
}
