namespace AiNative.Portal.Client.Contracts.Knowledge;

public sealed record UploadResultDto(string Index, Guid IndexId, IReadOnlyList<UploadedFileDto> Files);
