namespace AiNative.Portal.Client.Contracts.Admin;

public sealed record SetLockedRequest(bool Locked);
