using AiNative.Portal.Client.Contracts.Traces;
using AiNative.Portal.Components.Pages.Traces;

namespace AiNative.Portal.Components.Pages.Experiments;

/// <summary>
/// The values a reviewer picks from for a score, each with its key: y / n for a yes/no score, 1–9 for a whole-number
/// scale of up to nine steps (1–5) or for up to nine labels. A numeric score beyond that is typed.
/// </summary>
public sealed record ReviewChoice(string Key, string Label, Action<ScoreForm> Apply, Func<ScoreForm, bool> IsChosen);

public static class ReviewChoices
{
    public static IReadOnlyList<ReviewChoice> For(ScoreDefinitionDto definition) => definition switch
    {
        { DataType: ScoreDataTypeDto.Boolean } =>
        [
            new("y", "Yes", f => f.YesNo = true, f => f.YesNo == true),
            new("n", "No", f => f.YesNo = false, f => f.YesNo == false),
        ],
        { DataType: ScoreDataTypeDto.Numeric, Minimum: { } low, Maximum: { } high } when IsSmallScale(low, high) =>
            [.. Enumerable.Range((int)low, (int)(high - low) + 1).Select((value, i) =>
                new ReviewChoice((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), value.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    f => f.Number = value, f => f.Number == value))],
        { DataType: ScoreDataTypeDto.Categorical } =>
            [.. definition.Categories.Take(9).Select((label, i) =>
                new ReviewChoice((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), label, f => f.Category = label, f => f.Category == label))],
        _ => [],
    };

    private static bool IsSmallScale(double low, double high) => low == Math.Floor(low) && high == Math.Floor(high) && high - low is >= 1 and <= 8;
}
