namespace AiNative.Portal.Client.Contracts.Models;

/// <summary>A provider as the team sees it. The API key is never sent; only its hint, such as <c>••••abcd</c>.</summary>
public sealed record ProviderDto(
    Guid Id,
    string Name,
    ProviderKindDto Kind,
    string? BaseUrl,
    string? ApiKeyHint,
    int TimeoutSeconds,
    int ModelCount,
    string? Description,
    DateTimeOffset UpdatedAt)
{
    public bool HasApiKey => ApiKeyHint is not null;

    /// <summary>The offline provider runs inside the portal; its models are not language models.</summary>
    public bool IsBuiltIn => Kind == ProviderKindDto.Offline;
}
