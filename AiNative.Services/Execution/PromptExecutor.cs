using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using AiNative.Services.Models;
using AiNative.Services.Models.Invocation;
using AiNative.Services.Models.Pipeline;
using AiNative.Services.Data;
using AiNative.Services.Platform.Errors;
using AiNative.Services.Prompts;
using AiNative.Services.Prompts.Templates;
using AiNative.Services.Teams;
using AiNative.Services.Traces;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace AiNative.Services.Execution;

/// <summary>
/// The execution core: runs a prompt (a saved version or ad-hoc templates), filling its context from a
/// knowledge base when it names one, renders it, streams the answer through the one call path
/// (<see cref="ModelInvoker"/>) and records it all as one trace, announced as running once the prompt is
/// rendered and ended however the run ends. Problems found before rendering completes (a missing
/// variable, an empty query, a broken template, an unknown prompt, model or knowledge base) are thrown
/// before anything is sent or recorded: they belong on the form.
/// </summary>
public sealed partial class PromptExecutor(
    IDbContextFactory<PortalDbContext> dbFactory,
    PromptRenderer renderer,
    ContextRetrieval retrieval,
    ModelInvoker invoker,
    ModelLookup models,
    TraceRecorder recorder,
    TeamContext team,
    ILogger<PromptExecutor> logger)
{
    public const string ModelField = "ModelId";

    public const string UnexpectedTitle = "Something went wrong on the server";

    public const string UnexpectedDetail = "The run stopped unexpectedly and the error is logged. Try again; if it keeps failing, tell an administrator.";

    public async IAsyncEnumerable<RunEvent> RunAsync(RunRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        team.Require(TeamRole.Viewer);
        var model = await LoadModelAsync(request.ModelId, cancellationToken);
        var source = await ResolveAsync(request, cancellationToken);
        var trace = await recorder.StartAsync(request.Source, source.PromptName ?? "ad-hoc prompt", cancellationToken);
        var values = request.Values;
        if (source.Retrieval is { } settings)
        {
            values = await retrieval.FillAsync(settings, source.Templates, values, trace, cancellationToken);
        }

        var render = trace.Start(ObservationType.Render, ObservationNames.Render);
        var rendered = await renderer.RenderTemplatesAsync(source.Templates, values, cancellationToken);
        var messages = Messages(rendered);
        var input = new PlaygroundInput
        {
            SystemTemplate = source.Templates.SystemTemplate,
            UserTemplate = source.Templates.UserTemplate,
            Variables = [.. rendered.Values.Select(v => new RunVariable { Name = v.Key, Value = v.Value })],

            // The run's own settings, then the version's, then the model's defaults.
            Settings = request.Settings.Over(source.Settings).Over(model.DefaultSettings),
            Retrieval = source.Retrieval,
        };
        Describe(trace, source, request, input);
        await render
            .Set("ainative.prompt.name", source.PromptName ?? "ad-hoc")
            .Set("ainative.prompt.version", source.PromptVersion)
            .Set("ainative.prompt.variables", string.Join(", ", input.Variables.Select(v => v.Name)))
            .SetOutput(TraceMessages.Serialize(messages.Select(m => (m.Role.Value, m.Text))))
            .EndAsync(TraceStatus.Succeeded);
        await trace.AnnounceAsync();
        yield return new RunRendered(trace.Id, trace.Trace.StartedAt, [.. messages.Select(m => new TraceMessage(m.Role.Value, m.Text))], trace.Observations);

        await foreach (var update in CallAsync(trace, model, messages, input.Settings, request, cancellationToken))
        {
            yield return update;
        }
    }

    /// <summary>Runs the prompt to its end without streaming, as experiments and the gateway do.</summary>
    public async Task<RunRecord> ExecuteAsync(RunRequest request, CancellationToken cancellationToken)
    {
        RunFinished? finished = null;
        await foreach (var update in RunAsync(request, cancellationToken))
        {
            finished = update as RunFinished ?? finished;
        }

        return finished?.Run ?? throw new InvalidOperationException("The run ended without a result.");
    }

    private async IAsyncEnumerable<RunEvent> CallAsync(
        ActiveTrace trace,
        ModelDefinition model,
        IReadOnlyList<ChatMessage> messages,
        GenerationSettings settings,
        RunRequest request,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var invocation = new ChatInvocation
        {
            ModelId = model.Id,
            Messages = messages,
            Settings = settings,
            ResponseFormat = request.ResponseFormat,
            Source = request.Source,
            Trace = trace,
        };
        var output = new StringBuilder();
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
                    output.Append(delta.Text);
                    yield return new RunDelta(delta.Text);
                }
            }

            ended = true;
        }
        finally
        {
            await updates.DisposeAsync();
            if (!ended)
            {
                // Cancelled, or the reader went away (a closed page): the run happened, and is kept with what arrived.
                await trace.SetOutput(output.ToString()).EndAsync(TraceStatus.Cancelled);
            }
        }

        trace.SetOutput(output.ToString());
        if (failure is not null)
        {
            var (title, detail) = failure is PortalException problem ? (problem.Title, problem.Message) : (UnexpectedTitle, UnexpectedDetail);
            trace.SetProblem(title, detail);
        }

        await trace.EndAsync(failure is null ? TraceStatus.Succeeded : TraceStatus.Failed);
        yield return new RunFinished(new RunRecord(trace.Trace, trace.Observations), failure as PortalException);
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

    private static void Describe(ActiveTrace trace, RunSource source, RunRequest request, PlaygroundInput input)
    {
        trace.Trace.PromptId = source.PromptId;
        trace.Trace.PromptName = source.PromptName;
        trace.Trace.PromptVersion = source.PromptVersion;
        trace.Trace.Tags.AddRange(request.Tags);
        trace.Trace.SessionId = request.SessionId;
        trace.SetInput(JsonSerializer.Serialize(input, TraceJson.Options));
    }

    private async Task<ModelDefinition> LoadModelAsync(Guid modelId, CancellationToken cancellationToken)
    {
        var model = await models.FindAsync(modelId, cancellationToken)
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

    private static List<ChatMessage> Messages(RenderedPrompt rendered)
    {
        var messages = new List<ChatMessage>();
        if (!string.IsNullOrWhiteSpace(rendered.System))
        {
            messages.Add(new ChatMessage(ChatRole.System, rendered.System));
        }

        if (!string.IsNullOrWhiteSpace(rendered.User))
        {
            messages.Add(new ChatMessage(ChatRole.User, rendered.User));
        }

        return messages;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A prompt run failed unexpectedly")]
    private partial void LogUnexpectedFailure(Exception exception);
}
