using System.Text.Json.Serialization;

namespace AiNative.Portal.Client.Contracts.Knowledge;

/// <summary>
/// Partitioning to try on one document of a base (the newest ready one when none is named), and how many chunks to show;
/// a misspelt field is refused rather than previewing another document than the one meant.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record PartitioningPreviewRequest(PartitioningDto Partitioning, Guid? DocumentId = null, int Take = PartitioningPreviewRequest.DefaultTake)
{
    public const int DefaultTake = 20;
}
