namespace AiNative.Portal.Client.Contracts.AccessTokens;

/// <summary>A name that says where the token is used, and how many days it lives (7, 30, 90 or 365).</summary>
public sealed record CreateAccessTokenRequest(string Name, int LifetimeDays);
