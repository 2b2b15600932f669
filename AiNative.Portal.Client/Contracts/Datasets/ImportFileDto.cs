namespace AiNative.Portal.Client.Contracts.Datasets;

/// <summary>A file to import; the caller disposes <see cref="Content"/>.</summary>
public sealed record ImportFileDto(string FileName, Stream Content);
