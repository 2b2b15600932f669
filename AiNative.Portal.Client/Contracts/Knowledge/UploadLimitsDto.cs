namespace AiNative.Portal.Client.Contracts.Knowledge;

/// <summary>What an upload may hold: the largest file in bytes, the files per upload, and the file extensions read.</summary>
public sealed record UploadLimitsDto(long MaxFileBytes, int MaxFilesPerUpload, IReadOnlyList<string> Extensions);
