namespace AiNative.Services.Models;

public enum ModelKind
{
    Chat = 1,
    Embedding = 2,
}
