namespace AiNative.Portal.Client.Contracts.Admin;

public sealed record AdminTeamDto(Guid Id, string Name, string Slug, int MemberCount, int OwnerCount, DateTimeOffset CreatedAt);
