namespace AiNative.Portal.Client.Contracts.Models;

public enum ModelKindDto
{
    Chat = 1,
    Embedding = 2,
}
