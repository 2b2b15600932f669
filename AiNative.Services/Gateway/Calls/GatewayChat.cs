using System.Runtime.CompilerServices;
using AiNative.Services.Gateway.Keys;
using AiNative.Services.Gateway.Limits;
using AiNative.Services.Gateway.Routes;
using AiNative.Services.Models;
using AiNative.Services.Models.Invocation;
using AiNative.Services.Platform.Errors;
using AiNative.Services.Traces;
using Microsoft.Extensions.AI;

namespace AiNative.Services.Gateway.Calls;

/// <summary>
/// Answers a gateway chat request through the one call path to models (<see cref="ModelInvoker"/>): plan the
/// models to try, count the request against the key's limits, answer from the cache or reserve the budget,
/// try the models in order, then settle. Every request is a trace of source Gateway, named by the model the
/// application asked for, by the key, with each attempt a generation in it: that is the prediction log.
/// </summary>
public sealed class GatewayChat(
    GatewayPlanner planner, ModelInvoker invoker, TraceRecorder recorder, GatewayLimits limits, AttemptRunner runner,
    GatewayAnswerCache cache, TokenCounter tokens)
{
    /// <summary>What a budget reserves for the answer when neither the request nor the model bounds its length.</summary>
    public const int DefaultMaxOutputTokens = 4096;

    public async Task<GatewayAnswer> CompleteAsync(GatewayCaller caller, GatewayChatRequest request, CancellationToken cancellationToken)
    {
        var call = await BeginAsync(caller, request, cancellationToken);
        try
        {
            if (await FromCacheAsync(call, cancellationToken) is { } cached)
            {
                return new GatewayAnswer(call.Trace.Id, call.Plan.Name, call.Plan.Route?.Name, cached.Target, call.Plan.Prompt?.Version, call.Attempts, true,
                    cached.Text, [], cached.FinishReason, new TokenUsage(cached.InputTokens, cached.OutputTokens, false));
            }

            await ReserveAsync(call, cancellationToken);
            var outcome = await runner.RunAsync(call.Plan, call.Attempts,
                (candidate, token) => invoker.InvokeAsync(Invocation(candidate, call), token),
                result => result.ToolCalls.Count > 0 ? null : AnswerGuard.Check(call.Plan.Guard, call.Plan.Route?.JsonSchema, result.Text),
                cancellationToken);
            outcome.Cancellation.Dispose();
            var result = outcome.Result;
            call.Succeeded(outcome.Candidate, result.Text);
            if (result.ToolCalls.Count == 0)
            {
                await KeepAsync(call, outcome.Candidate, result, cancellationToken);
            }

            return new GatewayAnswer(call.Trace.Id, call.Plan.Name, call.Plan.Route?.Name, outcome.Candidate.Target, outcome.Candidate.Prompt?.Version,
                call.Attempts, false, result.Text, result.ToolCalls, result.FinishReason, result.Usage);
        }
        catch (Exception e)
        {
            call.Failed(e, cancellationToken);
            throw;
        }
        finally
        {
            await FinishAsync(call);
        }
    }

    /// <summary>
    /// Starts a streamed answer: returns once a model has sent its first update (fallbacks happen before that), or
    /// throws when every model failed. A route with a guard checks the whole answer first, so its stream is sent
    /// when it is complete.
    /// </summary>
    public async Task<GatewayStream> StreamAsync(GatewayCaller caller, GatewayChatRequest request, CancellationToken cancellationToken)
    {
        var call = await BeginAsync(caller, request, cancellationToken);
        try
        {
            if (await FromCacheAsync(call, cancellationToken) is { } cached)
            {
                var replay = new InvocationResult(Guid.Empty, call.Trace.Id, Guid.Empty, cached.Target, cached.Text, cached.FinishReason,
                    new TokenUsage(cached.InputTokens, cached.OutputTokens, false), 0, null, TimeSpan.Zero);
                await FinishAsync(call);
                return new GatewayStream(call.Trace.Id, call.Plan.Name, call.Plan.Route?.Name, cached.Target, call.Plan.Prompt?.Version, call.Attempts, true,
                    Replay([new TextDelta(cached.Text), new InvocationCompleted(replay)]));
            }

            await ReserveAsync(call, cancellationToken);
            var guarded = call.Plan.Guard != RouteGuard.None;
            var outcome = await runner.RunAsync(call.Plan, call.Attempts,
                (candidate, token) => StartStreamAsync(Invocation(candidate, call), buffered: guarded, token),
                started => guarded ? AnswerGuard.Check(call.Plan.Guard, call.Plan.Route?.JsonSchema, started.Text) : null,
                cancellationToken);
            return new GatewayStream(call.Trace.Id, call.Plan.Name, call.Plan.Route?.Name, outcome.Candidate.Target, outcome.Candidate.Prompt?.Version,
                call.Attempts, false, ContinueAsync(call, outcome, cancellationToken));
        }
        catch (Exception e)
        {
            call.Failed(e, cancellationToken);
            await FinishAsync(call);
            throw;
        }
    }

    private async Task<GatewayCall> BeginAsync(GatewayCaller caller, GatewayChatRequest request, CancellationToken cancellationToken)
    {
        var plan = await planner.PlanAsync(caller, request, cancellationToken);
        var trace = await recorder.StartAsync(TraceSource.Gateway, request.Model, cancellationToken);
        trace.Trace.ActorId = caller.KeyId;
        trace.Trace.ActorName = $"key {caller.KeyName}";
        trace.Trace.UserId = request.EndUser;
        var messages = plan.Prompt?.Messages ?? request.Messages;
        if (plan.Prompt is { } prompt)
        {
            trace.Trace.PromptId = prompt.PromptId;
            trace.Trace.PromptName = prompt.PromptName;
            trace.Trace.PromptVersion = prompt.Version;
        }

        trace.SetInput(TraceMessages.Serialize(messages.Select(m => (m.Role.Value, m.Text))));
        var call = new GatewayCall(caller, plan, request, trace, () => tokens.Count(messages));
        try
        {
            await limits.CountRequestAsync(caller, () => call.PromptTokens, cancellationToken);
        }
        catch (Exception e)
        {
            call.Failed(e, cancellationToken);
            await FinishAsync(call);
            throw;
        }

        return call;
    }

    private async Task<CachedAnswer?> FromCacheAsync(GatewayCall call, CancellationToken cancellationToken)
    {
        if (call.Plan.Route is not { CacheSeconds: > 0 } route || call.Request.CacheKey is not { } digest
            || await cache.FindAsync(call.Trace.Trace.TeamId, route, CacheTarget(call.Plan.Candidates[0]), digest, cancellationToken) is not { } cached)
        {
            return null;
        }

        call.CacheHit(cached);
        return cached;
    }

    /// <summary>
    /// The chosen target in the cache key: users on two sides of a split never share an answer, and a prompt's answer is
    /// kept per version, so moving a label is never answered from the old version's cache.
    /// </summary>
    private static string CacheTarget(GatewayCandidate chosen) => chosen.Prompt is { } prompt ? $"v{prompt.VersionId:N}" : $"m{chosen.Model.Id:N}";

    private async Task KeepAsync(GatewayCall call, GatewayCandidate answered, InvocationResult result, CancellationToken cancellationToken)
    {
        if (call.Plan.Route is { CacheSeconds: > 0 } route && call.Request.CacheKey is { } digest)
        {
            await cache.KeepAsync(call.Trace.Trace.TeamId, route, CacheTarget(call.Plan.Candidates[0]), digest,
                new CachedAnswer(answered.Target, result.Text, result.FinishReason, result.Usage.InputTokens, result.Usage.OutputTokens, call.Trace.Trace.Cost),
                cancellationToken);
        }
    }

    private async Task ReserveAsync(GatewayCall call, CancellationToken cancellationToken)
    {
        if (call.Caller is { DailyBudget: null, MonthlyBudget: null })
        {
            // Nothing to reserve against: the prompt need not be counted.
            return;
        }

        var most = call.Plan.Candidates.Max(candidate => candidate.Model.CostOf(call.PromptTokens, MaxOutputTokens(candidate, call)));
        call.Reservation = await limits.ReserveAsync(call.Caller, most, cancellationToken);
    }

    private static int MaxOutputTokens(GatewayCandidate candidate, GatewayCall call) =>
        call.Request.Settings.MaxOutputTokens ?? candidate.Prompt?.Settings.MaxOutputTokens ?? candidate.Model.DefaultSettings.MaxOutputTokens
        ?? (candidate.Model.MaxOutputTokens > 0 ? candidate.Model.MaxOutputTokens : DefaultMaxOutputTokens);

    private static ChatInvocation Invocation(GatewayCandidate candidate, GatewayCall call) => new()
    {
        ModelId = candidate.Model.Id,
        Messages = call.MessagesFor(candidate),
        Settings = candidate.Prompt is { } prompt ? call.Request.Settings.Over(prompt.Settings) : call.Request.Settings,
        Tools = call.Request.Tools,
        ToolMode = call.Request.ToolMode,
        ResponseFormat = call.Request.ResponseFormat,
        StopSequences = call.Request.StopSequences,
        Source = TraceSource.Gateway,
        Trace = call.Trace,
    };

    /// <summary>Opens the model's stream and reads its first update, or, when <paramref name="buffered"/>, all of it.</summary>
    private async Task<StartedStream> StartStreamAsync(ChatInvocation invocation, bool buffered, CancellationToken cancellationToken)
    {
        var updates = invoker.StreamAsync(invocation, cancellationToken).GetAsyncEnumerator(cancellationToken);
        var first = new List<InvocationUpdate>();
        try
        {
            while (await updates.MoveNextAsync())
            {
                first.Add(updates.Current);
                if (!buffered)
                {
                    return new StartedStream(first, updates);
                }
            }
        }
        catch
        {
            await updates.DisposeAsync();
            throw;
        }

        await updates.DisposeAsync();
        return new StartedStream(first, null);
    }

    private async IAsyncEnumerable<InvocationUpdate> ContinueAsync(
        GatewayCall call, AttemptOutcome<StartedStream> outcome, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (started, candidate, cancellation) = outcome;
        InvocationResult? answer = null;
        Exception? failure = null;
        try
        {
            foreach (var update in started.First)
            {
                answer = (update as InvocationCompleted)?.Result ?? answer;
                yield return update;
            }

            while (started.Rest is { } rest)
            {
                try
                {
                    if (!await rest.MoveNextAsync())
                    {
                        break;
                    }
                }
                catch (Exception e)
                {
                    failure = e;
                    throw;
                }

                answer = (rest.Current as InvocationCompleted)?.Result ?? answer;
                yield return rest.Current;
            }
        }
        finally
        {
            if (started.Rest is { } rest)
            {
                await rest.DisposeAsync();
            }

            cancellation.Dispose();
            if (answer is not null)
            {
                call.Succeeded(candidate, answer.Text);
                if (answer.ToolCalls.Count == 0)
                {
                    await KeepAsync(call, candidate, answer, CancellationToken.None);
                }
            }
            else
            {
                // A failure mid-stream, or a reader that stopped reading: the client went away.
                call.Failed(failure ?? new OperationCanceledException(), failure is null ? new CancellationToken(canceled: true) : cancellationToken);
            }

            await FinishAsync(call);
        }
    }

    private async Task FinishAsync(GatewayCall call)
    {
        await limits.SettleAsync(call.Reservation, call.Trace.Trace.Cost);
        await limits.CountOutputTokensAsync(call.Caller, call.Trace.Trace.OutputTokens, CancellationToken.None);
        await call.EndAsync();
    }

    private static async IAsyncEnumerable<InvocationUpdate> Replay(IEnumerable<InvocationUpdate> updates)
    {
        foreach (var update in updates)
        {
            yield return update;
        }

        await Task.CompletedTask;
    }
}
