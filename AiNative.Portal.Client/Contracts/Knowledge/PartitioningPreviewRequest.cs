namespace AiNative.Portal.Client.Contracts.Knowledge;

/// <summary>Partitioning to try on one document of a base (the newest ready one when none is named), and how many chunks to show.</summary>
public sealed record PartitioningPreviewRequest(PartitioningDto Partitioning, Guid? DocumentId = null, int Take = PartitioningPreviewRequest.DefaultTake)
{
    public const int DefaultTake = 20;
}
