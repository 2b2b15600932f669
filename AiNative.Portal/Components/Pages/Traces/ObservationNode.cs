using AiNative.Portal.Client.Contracts.Traces;

namespace AiNative.Portal.Components.Pages.Traces;

/// <summary>An observation with the observations nested in it, and how deep it sits in the trace.</summary>
public sealed record ObservationNode(ObservationDto Observation, IReadOnlyList<ObservationNode> Children, int Depth)
{
    /// <summary>
    /// The trace's observations as a forest, each level in the order they started. An observation whose parent is
    /// not in the trace (an application may send a child before its parent) is shown at the top level.
    /// </summary>
    public static IReadOnlyList<ObservationNode> Build(IReadOnlyList<ObservationDto> observations)
    {
        var ids = observations.Select(o => o.Id).ToHashSet();
        var children = observations
            .Where(o => o.ParentId is { } parent && parent != o.Id && ids.Contains(parent))
            .ToLookup(o => o.ParentId!.Value);
        var placed = new HashSet<Guid>();

        IReadOnlyList<ObservationNode> Level(IEnumerable<ObservationDto> level, int depth) =>
            [.. level.Where(o => placed.Add(o.Id)).Select(o => new ObservationNode(o, Level(children[o.Id], depth + 1), depth))];

        var roots = Level(observations.Where(o => o.ParentId is not { } parent || parent == o.Id || !ids.Contains(parent)), 0);

        // Observations that are only each other's parents (a cycle an application sent) still show, at the top.
        var unplaced = observations.Where(o => !placed.Contains(o.Id)).ToList();
        return unplaced.Count == 0 ? roots : [.. roots, .. Level(unplaced, 0)];
    }
}
