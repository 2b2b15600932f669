namespace AiNative.Services.Experiments.Review;

/// <summary>
/// A cell to review: the item as the pinned dataset version has it (variables as JSON, expected output; null when the
/// dataset no longer has it), the variant that answered and its output (untrusted), and the trace its score lands on.
/// </summary>
public sealed record ReviewCell(
    Guid CellId, Guid TraceId, long ItemPosition, string VariantName, string? Input, string? ExpectedOutput, string? Output);
