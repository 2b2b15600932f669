namespace AiNative.Portal.Client.Contracts.Knowledge;

public enum SearchModeDto
{
    Hybrid = 1,
    Vector = 2,
    Keyword = 3,
}
