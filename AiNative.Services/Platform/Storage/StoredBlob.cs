namespace AiNative.Services.Platform.Storage;

public sealed record StoredBlob(string Hash, long Size);
