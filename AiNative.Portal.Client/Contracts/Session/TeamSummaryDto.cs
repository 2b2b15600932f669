namespace AiNative.Portal.Client.Contracts.Session;

public sealed record TeamSummaryDto(Guid Id, string Name, string Slug, TeamRoleDto Role);
