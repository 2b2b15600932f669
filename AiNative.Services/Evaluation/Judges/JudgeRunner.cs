using System.Text;
using AiNative.Services.Data;
using AiNative.Services.Execution;
using AiNative.Services.Platform.Errors;
using AiNative.Services.Prompts;
using AiNative.Services.Traces;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;

namespace AiNative.Services.Evaluation.Judges;

/// <summary>
/// Runs a judge's rubric prompt through the execution core (<see cref="PromptExecutor"/>: render, one traced model
/// call from source Evaluator) asking for a structured answer. Every failure becomes a problem the evaluator reports
/// as an error: a judge that could not judge never scores 0.
/// </summary>
public sealed class JudgeRunner(IDbContextFactory<PortalDbContext> dbFactory, PromptExecutor executor)
{
    public async Task<JudgeCall> RunAsync(
        JudgeRubric rubric, IReadOnlyDictionary<string, string?> values, ChatResponseFormat format, CancellationToken cancellationToken)
    {
        var (version, problem) = await FindVersionAsync(rubric, cancellationToken);
        if (version is null)
        {
            return new JudgeCall(null, problem, null);
        }

        if ((rubric.ModelId ?? version.ModelId) is not { } modelId)
        {
            return new JudgeCall(null, $"The rubric prompt's version {version.Number} names no model; choose the judge's model in its settings.", null);
        }

        var request = new RunRequest
        {
            ModelId = modelId,
            PromptId = rubric.PromptId,
            PromptVersion = version.Number,
            Values = version.Variables.ToDictionary(v => v.Name, string? (v) => values.GetValueOrDefault(v.Name) ?? string.Empty),
            ResponseFormat = format,
            Source = TraceSource.Evaluator,
            Tags = ["judge"],
        };
        var answer = new StringBuilder();
        try
        {
            await foreach (var update in executor.RunAsync(request, cancellationToken))
            {
                switch (update)
                {
                    case RunDelta delta:
                        answer.Append(delta.Text);
                        break;
                    case RunFinished { Failure: { } failure } finished:
                        return new JudgeCall(null, $"The judge's model call failed: {failure.Message}", finished.Run.Trace.Id);
                    case RunFinished finished when finished.Run.Trace.Status != TraceStatus.Succeeded:
                        return new JudgeCall(null, "The judge's model call failed; its trace has the details.", finished.Run.Trace.Id);
                    case RunFinished finished:
                        return new JudgeCall(answer.ToString(), null, finished.Run.Trace.Id);
                }
            }
        }
        catch (PortalException e)
        {
            return new JudgeCall(null, $"The judge could not run its rubric: {e.Message}", null);
        }

        return new JudgeCall(null, "The judge's run ended without a result.", null);
    }

    private async Task<(PromptVersion? Version, string? Problem)> FindVersionAsync(JudgeRubric rubric, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var versions = db.PromptVersions.AsNoTracking().Where(v => v.PromptId == rubric.PromptId);
        if (rubric.Version is { } number)
        {
            var fixedVersion = await versions.SingleOrDefaultAsync(v => v.Number == number, cancellationToken);
            return (fixedVersion, fixedVersion is null ? $"The rubric prompt has no version {number}." : null);
        }

        var label = rubric.Label ?? LabelNames.Production;
        if (label == LabelNames.Latest)
        {
            var newest = await versions.OrderByDescending(v => v.Number).FirstOrDefaultAsync(cancellationToken);
            return (newest, newest is null ? "The rubric prompt has no versions (or was deleted)." : null);
        }

        var labelled = await versions.SingleOrDefaultAsync(v => db.PromptLabels.Any(l => l.VersionId == v.Id && l.Name == label), cancellationToken);
        return (labelled, labelled is null ? $"The rubric prompt has no version labelled '{label}' (or was deleted)." : null);
    }
}
