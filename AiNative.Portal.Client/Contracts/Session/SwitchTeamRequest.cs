namespace AiNative.Portal.Client.Contracts.Session;

public sealed record SwitchTeamRequest(Guid TeamId);
