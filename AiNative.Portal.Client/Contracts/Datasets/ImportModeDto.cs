namespace AiNative.Portal.Client.Contracts.Datasets;

public enum ImportModeDto
{
    Append = 0,
    Replace = 1,
}
