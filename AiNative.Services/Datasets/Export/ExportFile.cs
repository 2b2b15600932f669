using AiNative.Services.Datasets.Import;

namespace AiNative.Services.Datasets.Export;

/// <summary>What an export will be: the version it holds, and the file's name and type.</summary>
public sealed record ExportFile(Guid DatasetId, int Version, int ItemCount, ImportFormat Format, string FileName, string ContentType);
