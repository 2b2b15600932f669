namespace AiNative.Portal.Client.Contracts.Datasets;

public enum DatasetFileFormatDto
{
    Csv = 1,
    JsonLines = 2,
    Json = 3,
}
