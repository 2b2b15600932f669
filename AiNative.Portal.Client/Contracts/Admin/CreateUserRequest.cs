namespace AiNative.Portal.Client.Contracts.Admin;

public sealed record CreateUserRequest(string DisplayName, string Email);
