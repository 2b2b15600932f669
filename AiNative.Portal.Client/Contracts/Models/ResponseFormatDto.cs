namespace AiNative.Portal.Client.Contracts.Models;

public enum ResponseFormatDto
{
    Text = 1,
    Json = 2,
}
