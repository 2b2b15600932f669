using AiNative.Services.Teams;

namespace AiNative.Services.Datasets;

/// <summary>
/// One state of one test case. A row is never changed after it is saved, except to close it: it belongs to
/// versions <see cref="ValidFrom"/> up to, not including, <see cref="ValidTo"/> (open while null). Editing an
/// item closes its row and adds one with the same <see cref="ItemId"/> and <see cref="Position"/>; deleting it
/// only closes it. So version <c>v</c> is the rows with <c>ValidFrom &lt;= v</c> and <c>ValidTo</c> null or
/// <c>&gt; v</c>, a change writes only what it changes, and no version copies its items.
/// </summary>
public sealed class DatasetItem : ITeamOwned
{
    /// <summary>This row (one state of the item).</summary>
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid TeamId { get; set; }

    public Guid DatasetId { get; init; }

    /// <summary>The test case, the same in every version it lives through.</summary>
    public Guid ItemId { get; init; }

    /// <summary>Where the item stands in the dataset's order; kept by edits.</summary>
    public long Position { get; init; }

    public int ValidFrom { get; init; }

    public int? ValidTo { get; set; }

    /// <summary>The input variables, as a JSON object (name → value).</summary>
    public required string Input { get; init; }

    public string? ExpectedOutput { get; init; }

    /// <summary>The documents (ids or names) retrieval should find for this input; empty when not checked.</summary>
    public List<string> ExpectedSources { get; init; } = [];

    /// <summary>Free key-value data about the item, as a JSON object.</summary>
    public string Metadata { get; init; } = "{}";

    /// <summary>The trace (a playground run, a gateway request) the item was made from, if any.</summary>
    public Guid? SourceTraceId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}
