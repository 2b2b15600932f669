namespace AiNative.Services.Knowledge;

public enum UploadStatus
{
    /// <summary>Stored and queued for ingestion.</summary>
    Accepted = 1,

    /// <summary>The same content is already in the base; it is not processed again.</summary>
    Duplicate = 2,

    /// <summary>Refused with a reason; nothing of it was kept.</summary>
    Rejected = 3,
}
