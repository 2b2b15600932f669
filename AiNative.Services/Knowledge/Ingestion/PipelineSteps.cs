namespace AiNative.Services.Knowledge.Ingestion;

/// <summary>The names of the ingestion steps, in the order they run.</summary>
public static class PipelineSteps
{
    public const string Extract = "extract";
    public const string Partition = "partition";
    public const string Embed = "embed";
    public const string Save = "save";

    public static IReadOnlyList<string> All { get; } = [Extract, Partition, Embed, Save];
}
