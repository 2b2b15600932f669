namespace AiNative.Portal.Client.Contracts.Knowledge;

/// <summary>A file to upload: its name (shown only) and its content, read once.</summary>
public sealed record UploadFileDto(string FileName, Stream Content);
