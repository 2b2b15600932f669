namespace AiNative.Services.Platform.Audit;

/// <summary>The people and kinds of object that appear in a trail, for its filters.</summary>
public sealed record AuditFilterChoices(IReadOnlyList<AuditActor> Actors, IReadOnlyList<string> ObjectKinds);
