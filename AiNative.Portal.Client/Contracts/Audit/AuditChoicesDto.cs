namespace AiNative.Portal.Client.Contracts.Audit;

/// <summary>Who and what appear in a trail, to fill its filters.</summary>
public sealed record AuditChoicesDto(IReadOnlyList<AuditActorDto> Actors, IReadOnlyList<string> ObjectKinds);
