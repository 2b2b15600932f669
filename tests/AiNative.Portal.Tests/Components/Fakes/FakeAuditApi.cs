using AiNative.Portal.Client.Contracts.Audit;

namespace AiNative.Portal.Tests.Components.Fakes;

/// <summary>A team trail of two people; records every query the page sends.</summary>
public sealed class FakeAuditApi : IAuditApi
{
    public static readonly AuditActorDto Ada = new(Guid.CreateVersion7(), "Ada Admin");
    public static readonly AuditActorDto Bob = new(Guid.CreateVersion7(), "Bob Builder");

    public List<AuditQueryDto> Queries { get; } = [];

    public Task<AuditPageDto> ListTeamAsync(AuditQueryDto query, CancellationToken cancellationToken = default)
    {
        Queries.Add(query);
        AuditEntryDto[] entries =
        [
            new(Guid.CreateVersion7(), DateTimeOffset.UnixEpoch.AddDays(2), Bob.Id, Bob.Name, AuditActionDto.Updated, "Prompt", null, "greeting", "text: hi → hello"),
            new(Guid.CreateVersion7(), DateTimeOffset.UnixEpoch.AddDays(1), Ada.Id, Ada.Name, AuditActionDto.Created, "Member", null, "Bob Builder", "role: Editor"),
        ];
        var matching = entries.Where(e => query.ActorId is null || e.ActorId == query.ActorId)
            .Where(e => query.ObjectKind is null || e.ObjectKind == query.ObjectKind)
            .ToList();
        return Task.FromResult(new AuditPageDto(matching, matching.Count));
    }

    public Task<AuditChoicesDto> TeamChoicesAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(new AuditChoicesDto([Ada, Bob], ["Member", "Prompt"]));

    public Task<AuditPageDto> ListPortalAsync(AuditQueryDto query, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The team audit page never reads the portal-wide trail.");

    public Task<AuditChoicesDto> PortalChoicesAsync(CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The team audit page never reads the portal-wide trail.");
}
