namespace AiNative.Portal.Client.Contracts.Traces;

/// <summary>How much content the team's traces keep: everything, only its shape and lengths, or none of it.</summary>
public enum TracePrivacyDto
{
    Full = 1,
    MetadataOnly = 2,
    None = 3,
}
