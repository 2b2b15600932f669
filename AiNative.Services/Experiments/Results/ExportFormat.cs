namespace AiNative.Services.Experiments.Results;

public enum ExportFormat
{
    Csv = 1,
    JsonLines = 2,
}
