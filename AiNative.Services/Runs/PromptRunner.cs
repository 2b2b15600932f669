using System.Runtime.CompilerServices;
using System.Text;
using AiNative.Services.Data;
using AiNative.Services.Models;
using AiNative.Services.Models.Invocation;
using AiNative.Services.Platform.Errors;
using AiNative.Services.Prompts;
using AiNative.Services.Prompts.Templates;
using AiNative.Services.Teams;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace AiNative.Services.Runs;

/// <summary>
/// Runs a prompt for the playground: fills its context from a knowledge base when it names one,
/// renders it, streams the answer through the one call path (<see cref="ModelInvoker"/>), and saves
/// the run with its trace when it ends, whether it succeeded, failed or was cancelled. Problems found
/// before rendering completes (a missing variable, an empty query, a broken template, an unknown
/// prompt, model or knowledge base) are thrown before anything is sent or saved: they belong on the
/// form, and history keeps only prompts that were sent.
/// </summary>
public sealed partial class PromptRunner(
    IDbContextFactory<PortalDbContext> dbFactory,
    PromptRenderer renderer,
    ContextRetrieval retrieval,
    ModelInvoker invoker,
    TokenCounter tokens,
    TeamContext team,
    TimeProvider clock,
    ILogger<PromptRunner> logger)
{
    public const string ModelField = "ModelId";

    public async IAsyncEnumerable<RunEvent> RunAsync(RunRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        team.Require(TeamRole.Viewer);
        var trace = new RunTrace(clock);
        var startedAt = clock.GetUtcNow();
        var render = trace.Start(SpanNames.Render);
        var model = await LoadModelAsync(request.ModelId, cancellationToken);
        var source = await ResolveAsync(request, cancellationToken);
        var values = request.Values;
        if (source.Retrieval is { } settings)
        {
            values = await retrieval.FillAsync(settings, source.Templates, values, trace, cancellationToken);

            // Rendering is timed from the end of the retrieval, so the two spans do not overlap.
            render = trace.Start(SpanNames.Render);
        }

        var rendered = await renderer.RenderTemplatesAsync(source.Templates, values, cancellationToken);
        var run = NewRun(request, model, source, rendered, startedAt);
        render
            .Set("ainative.prompt.name", source.PromptName ?? "ad-hoc")
            .Set("ainative.prompt.version", source.PromptVersion)
            .Set("ainative.prompt.variables", string.Join(", ", run.Variables.Select(v => v.Name)))
            .Set("ainative.prompt.estimated_tokens", tokens.Count(ChatMessages(run)))
            .End(RunStatus.Succeeded);
        yield return new RunRendered(run.Id, run.Messages, [.. trace.Spans]);

        await foreach (var update in CallAsync(run, model, trace, cancellationToken))
        {
            yield return update;
        }
    }

    private async IAsyncEnumerable<RunEvent> CallAsync(
        PromptRun run,
        ModelDefinition model,
        RunTrace trace,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var step = trace.Start(SpanNames.ModelCall)
            .Set("gen_ai.request.model", model.ProviderModelId)
            .Set("ainative.model.name", model.Name)
            .Set("gen_ai.request.temperature", run.Settings.Temperature)
            .Set("gen_ai.request.top_p", run.Settings.TopP)
            .Set("gen_ai.request.max_tokens", run.Settings.MaxOutputTokens);
        // The run picks its call's id, so a cancelled call can be found by it too.
        var invocation = new ChatInvocation
        {
            ModelId = model.Id,
            Messages = ChatMessages(run),
            Settings = run.Settings,
            Source = InvocationSource.Playground,
            CallId = Guid.CreateVersion7(),
        };
        var output = new StringBuilder();
        TimeSpan? firstToken = null;
        InvocationResult? result = null;
        Exception? failure = null;
        var ended = false;
        var updates = invoker.StreamAsync(invocation, cancellationToken).GetAsyncEnumerator(cancellationToken);
        try
        {
            while (true)
            {
                (var moved, failure) = await AdvanceAsync(updates);
                if (!moved)
                {
                    break;
                }

                if (updates.Current is TextDelta delta)
                {
                    firstToken ??= step.Elapsed;
                    output.Append(delta.Text);
                    yield return new RunDelta(delta.Text);
                }
                else if (updates.Current is InvocationCompleted completed)
                {
                    result = completed.Result;
                }
            }

            ended = true;
        }
        finally
        {
            await updates.DisposeAsync();
            if (!ended)
            {
                // Cancelled, or the reader went away (a closed page): keep what arrived. The invoker has
                // recorded the call by now if it reached the provider; one cancelled before that costs nothing.
                var recorded = await RecordedCallAsync(invocation.CallId.Value);
                RunOutcomes.Stop(run, step, RunStatus.Cancelled, output.ToString(), firstToken,
                    Estimate(invocation, output, model, callMade: recorded is not null), recorded);
                await SaveAsync(run, trace);
            }
        }

        if (result is not null)
        {
            RunOutcomes.Complete(run, step, result);
        }
        else
        {
            RunOutcomes.Fail(run, step, failure, output.ToString(), firstToken, Estimate(invocation, output, model, callMade: failure is ProviderCallException));
        }

        await SaveAsync(run, trace);
        yield return new RunFinished(run, failure as PortalException);
    }

    /// <summary>Moves to the next update; a failure is returned rather than thrown, so the run can record it.</summary>
    private async Task<(bool Moved, Exception? Failure)> AdvanceAsync(IAsyncEnumerator<InvocationUpdate> updates)
    {
        try
        {
            return (await updates.MoveNextAsync(), null);
        }
        catch (PortalException e)
        {
            return (false, e);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogUnexpectedFailure(e);
            return (false, e);
        }
    }

    /// <summary>The portal's own count for a run that did not complete; a call that never reached the provider costs nothing.</summary>
    private (TokenUsage Usage, decimal Cost) Estimate(ChatInvocation invocation, StringBuilder output, ModelDefinition model, bool callMade)
    {
        var usage = new TokenUsage(tokens.Count(invocation.Messages), tokens.Count(output.ToString()), IsEstimated: true);
        return (usage, callMade ? model.CostOf(usage.InputTokens, usage.OutputTokens) : 0m);
    }

    private async Task<Guid?> RecordedCallAsync(Guid callId)
    {
        await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        return await db.ModelCalls.AnyAsync(c => c.Id == callId, CancellationToken.None) ? callId : null;
    }

    private async Task<ModelDefinition> LoadModelAsync(Guid modelId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var model = await db.Models.AsNoTracking().SingleOrDefaultAsync(m => m.Id == modelId, cancellationToken)
            ?? throw new ValidationFailedException(ModelField, "Pick a model: this one is not one of the team's models.");
        return model.Kind == ModelKind.Chat
            ? model
            : throw new ValidationFailedException(ModelField, $"'{model.Name}' is an embedding model; pick a chat model.");
    }

    private async Task<RunSource> ResolveAsync(RunRequest request, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await RunSources.ResolveAsync(db, request, cancellationToken);
    }

    private PromptRun NewRun(RunRequest request, ModelDefinition model, RunSource source, RenderedPrompt rendered, DateTimeOffset startedAt)
    {
        var messages = new List<RunMessage>();
        if (!string.IsNullOrWhiteSpace(rendered.System))
        {
            messages.Add(new RunMessage { Role = RunMessage.SystemRole, Content = rendered.System });
        }

        if (!string.IsNullOrWhiteSpace(rendered.User))
        {
            messages.Add(new RunMessage { Role = RunMessage.UserRole, Content = rendered.User });
        }

        return new PromptRun
        {
            PromptId = source.PromptId,
            PromptName = source.PromptName,
            PromptVersion = source.PromptVersion,
            SystemTemplate = source.Templates.SystemTemplate,
            UserTemplate = source.Templates.UserTemplate,
            Variables = rendered.Values.Select(v => new RunVariable { Name = v.Key, Value = v.Value }).ToList(),
            ModelId = model.Id,
            ModelName = model.Name,
            // The run's own settings, then the version's, then the model's defaults.
            Settings = request.Settings.Over(source.Settings).Over(model.DefaultSettings),
            Retrieval = source.Retrieval,
            Messages = messages,
            ActorId = team.Actor.UserId,
            ActorName = team.Actor.Name,
            StartedAt = startedAt,
        };
    }

    private static List<ChatMessage> ChatMessages(PromptRun run) =>
        run.Messages.Select(m => new ChatMessage(m.Role == RunMessage.SystemRole ? ChatRole.System : ChatRole.User, m.Content)).ToList();

    private async Task SaveAsync(PromptRun run, RunTrace trace)
    {
        run.Spans = trace.Spans;

        // The person may have gone (a closed page): the run happened and is kept all the same.
        await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        db.PromptRuns.Add(run);
        await db.SaveChangesAsync(CancellationToken.None);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A playground run failed unexpectedly")]
    private partial void LogUnexpectedFailure(Exception exception);
}
