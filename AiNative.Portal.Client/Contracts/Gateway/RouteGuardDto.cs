namespace AiNative.Portal.Client.Contracts.Gateway;

public enum RouteGuardDto
{
    None = 0,
    Json = 1,
    JsonSchema = 2,
}
