namespace AiNative.Portal.Client.Contracts.Experiments;

public enum ExperimentExportFormatDto
{
    Csv = 1,
    JsonLines = 2,
}
