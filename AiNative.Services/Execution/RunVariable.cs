namespace AiNative.Services.Execution;

/// <summary>The value a variable took in a run, after defaults were applied.</summary>
public sealed record RunVariable
{
    public required string Name { get; init; }

    public required string Value { get; init; }
}
