namespace AiNative.Services.Prompts;

/// <summary>A label and the number of the version it points at.</summary>
public sealed record LabelPointer(string Name, int VersionNumber);
