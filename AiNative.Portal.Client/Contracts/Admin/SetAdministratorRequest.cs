namespace AiNative.Portal.Client.Contracts.Admin;

public sealed record SetAdministratorRequest(bool IsAdministrator);
