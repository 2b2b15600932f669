using AiNative.Services.Teams;

namespace AiNative.Services.Datasets;

/// <summary>One change of a dataset's items (an added, edited or deleted item, an import), recorded with the version it made.</summary>
public sealed class DatasetVersion : ITeamOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid TeamId { get; set; }

    public Guid DatasetId { get; init; }

    public Dataset Dataset { get; init; } = null!;

    /// <summary>1 for the first change of a dataset, then 2, 3, …</summary>
    public int Number { get; init; }

    /// <summary>What the change did, in a sentence ("Imported 120 items from questions.csv").</summary>
    public required string Summary { get; init; }

    /// <summary>How many items this version holds.</summary>
    public int ItemCount { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The name of the person (or "system") who made the change.</summary>
    public required string CreatedBy { get; init; }
}
