namespace AiNative.Services.Knowledge;

/// <summary>The largest file in bytes, the files one upload may hold, and the file extensions the portal reads.</summary>
public sealed record UploadLimits(long MaxFileBytes, int MaxFilesPerUpload, IReadOnlyList<string> Extensions);
