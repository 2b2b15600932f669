using System.Text.Json.Nodes;

namespace AiNative.Portal.Client.Contracts.Experiments;

/// <summary>A cell to review: its item (number, variables, expected output; null when the dataset no longer has it), the variant and its output (untrusted).</summary>
public sealed record ReviewCellDto(Guid CellId, Guid TraceId, long Number, string Variant, JsonObject? Variables, string? ExpectedOutput, string? Output);
