using AiNative.Services.Evaluation.Contexts;

namespace AiNative.Services.Evaluation.Judges;

internal static class JudgeContext
{
    /// <summary>The metadata key of a judge metric that names the trace of the judge's own call.</summary>
    public const string TraceMetadata = "judge.trace_id";

    /// <summary>The retrieved passages as the rubric sees them, numbered as the answer may cite them.</summary>
    public static string Text(RetrievedDocumentsContext context) =>
        string.Join("\n\n", context.Documents.Select((d, i) => $"[{i + 1}] {d.Text}"));
}
