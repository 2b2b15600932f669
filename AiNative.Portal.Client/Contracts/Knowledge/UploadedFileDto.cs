namespace AiNative.Portal.Client.Contracts.Knowledge;

/// <summary>What became of one uploaded file; <see cref="Message"/> says why it was rejected or whose duplicate it is.</summary>
public sealed record UploadedFileDto(string FileName, UploadStatusDto Status, Guid? DocumentId, string? Message);
