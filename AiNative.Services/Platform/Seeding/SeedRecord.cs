namespace AiNative.Services.Platform.Seeding;

public sealed class SeedRecord
{
    public required string Name { get; set; }

    public DateTimeOffset AppliedAt { get; set; }
}
