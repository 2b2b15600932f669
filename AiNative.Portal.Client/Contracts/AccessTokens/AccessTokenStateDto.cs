namespace AiNative.Portal.Client.Contracts.AccessTokens;

public enum AccessTokenStateDto
{
    Active = 1,
    Expired = 2,
    Revoked = 3,
}
