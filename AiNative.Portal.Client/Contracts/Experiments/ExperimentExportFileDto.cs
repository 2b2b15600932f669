namespace AiNative.Portal.Client.Contracts.Experiments;

/// <summary>An export about to be written: the experiment, its format, and the file's name and type.</summary>
public sealed record ExperimentExportFileDto(Guid ExperimentId, ExperimentExportFormatDto Format, string FileName, string ContentType);
