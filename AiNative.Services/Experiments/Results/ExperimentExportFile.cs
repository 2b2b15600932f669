namespace AiNative.Services.Experiments.Results;

/// <summary>What an export will be: the experiment, the format, and the file's name and type.</summary>
public sealed record ExperimentExportFile(Guid ExperimentId, ExportFormat Format, string FileName, string ContentType);
