namespace AiNative.Portal.Client.Contracts.Admin;

public sealed record TeamNameRequest(string Name);
