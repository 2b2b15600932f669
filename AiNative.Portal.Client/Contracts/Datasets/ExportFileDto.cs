namespace AiNative.Portal.Client.Contracts.Datasets;

/// <summary>What an export holds (a version and its item count) and the file's name and type.</summary>
public sealed record ExportFileDto(int Version, int ItemCount, DatasetFileFormatDto Format, string FileName, string ContentType);
