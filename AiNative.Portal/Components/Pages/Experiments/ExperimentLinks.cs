namespace AiNative.Portal.Components.Pages.Experiments;

/// <summary>The addresses of an experiment's pages that people share.</summary>
internal static class ExperimentLinks
{
    /// <summary>The report; with the team, so that a member working in another team is offered to switch to it.</summary>
    public static string Report(Guid experimentId, Guid? teamId) =>
        teamId is { } team ? $"experiments/{experimentId}/report?team={team}" : $"experiments/{experimentId}/report";

    public static string Compare(Guid left, Guid? right = null, Guid? leftVariant = null, Guid? rightVariant = null)
    {
        var query = new List<string> { $"left={left}" };
        if (right is { } r)
        {
            query.Add($"right={r}");
        }

        if (leftVariant is { } lv)
        {
            query.Add($"leftVariant={lv}");
        }

        if (rightVariant is { } rv)
        {
            query.Add($"rightVariant={rv}");
        }

        return $"experiments/compare?{string.Join('&', query)}";
    }
}
