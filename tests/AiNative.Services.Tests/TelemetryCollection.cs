namespace AiNative.Services.Tests;

/// <summary>Tests that listen to process-wide telemetry run alone, so other tests' calls cannot mix in.</summary>
[CollectionDefinition(nameof(TelemetryCollection), DisableParallelization = true)]
public sealed class TelemetryCollection;
