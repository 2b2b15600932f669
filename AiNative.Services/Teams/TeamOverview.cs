namespace AiNative.Services.Teams;

/// <summary>A team as administrators see it: never its objects, only who is in it.</summary>
public sealed record TeamOverview(Guid Id, string Name, string Slug, int MemberCount, int OwnerCount, DateTimeOffset CreatedAt);
