using AiNative.Services.Data;
using AiNative.Services.Teams;

namespace AiNative.Services.Datasets;

/// <summary>
/// A named set of test cases of a team. Its items are versioned: every change makes the next version,
/// and the items of older versions stay readable (see <see cref="DatasetItem"/>), so an experiment that
/// ran on version 3 can always be explained by version 3's items.
/// </summary>
public sealed class Dataset : ITeamOwned, IUniquelyNamed
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TeamId { get; set; }

    /// <summary>Unique in the team.</summary>
    public required string Name { get; set; }

    public string? Description { get; set; }

    /// <summary>The latest version; 0 while no item was ever added.</summary>
    public int CurrentVersion { get; set; }

    /// <summary>How many items the latest version holds.</summary>
    public int ItemCount { get; set; }

    /// <summary>The last position given to an item; new items go after it, so the order of a version never changes.</summary>
    public long LastPosition { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The last change: a rename or a new version.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    public List<DatasetVersion> Versions { get; set; } = [];
}
