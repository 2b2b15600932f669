namespace AiNative.Portal.Client.Contracts.Runs;

/// <summary>The value a variable took in a run, after defaults.</summary>
public sealed record RunVariableDto(string Name, string Value);
