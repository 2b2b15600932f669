namespace AiNative.Services.Runs;

/// <summary>One message exactly as it was sent to the model.</summary>
public sealed record RunMessage
{
    public const string SystemRole = "system";

    public const string UserRole = "user";

    public required string Role { get; init; }

    public required string Content { get; init; }
}
