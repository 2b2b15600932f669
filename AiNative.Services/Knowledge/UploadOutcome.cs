namespace AiNative.Services.Knowledge;

/// <summary>What became of one file of an upload; each file succeeds or fails on its own.</summary>
public sealed record UploadOutcome(string FileName, UploadStatus Status, Guid? DocumentId, string? Message);
