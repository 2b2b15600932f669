using AiNative.Services.Gateway.Keys;
using AiNative.Services.Gateway.Limits;
using AiNative.Services.Platform.Errors;
using AiNative.Services.Traces;

namespace AiNative.Services.Gateway.Calls;

/// <summary>One gateway request on its way: its plan, its trace, its attempts and budget reservation, and how it ends.</summary>
internal sealed class GatewayCall(GatewayCaller caller, GatewayPlan plan, GatewayChatRequest request, ActiveTrace trace, Func<int> countPromptTokens)
{
    private TraceStatus _status = TraceStatus.Failed;
    private string? _target;
    private CachedAnswer? _cached;
    private int? _promptTokens;

    public GatewayCaller Caller { get; } = caller;

    public GatewayPlan Plan { get; } = plan;

    public GatewayChatRequest Request { get; } = request;

    public ActiveTrace Trace { get; } = trace;

    /// <summary>The prompt's tokens, counted when first needed (a token limit or a budget): most keys have neither.</summary>
    public int PromptTokens => _promptTokens ??= countPromptTokens();

    /// <summary>Every attempt, starting with the targets the plan had to skip.</summary>
    public List<GatewayAttempt> Attempts { get; } = [.. plan.Skipped];

    public BudgetReservation Reservation { get; set; } = BudgetReservation.None;

    /// <summary>What a candidate sends: its prompt's rendered messages before the request's, or the request's own.</summary>
    public IReadOnlyList<Microsoft.Extensions.AI.ChatMessage> MessagesFor(GatewayCandidate candidate) => candidate.Prompt?.Messages ?? Request.Messages;

    public void CacheHit(CachedAnswer cached)
    {
        _cached = cached;
        _status = TraceStatus.Succeeded;
        _target = cached.Target;
        Trace.SetOutput(cached.Text);
    }

    public void Succeeded(GatewayCandidate candidate, string text)
    {
        _status = TraceStatus.Succeeded;
        _target = candidate.Target;

        // The trace names the model that answered, not the first one tried.
        Trace.Trace.ModelId = candidate.Model.Id;
        Trace.Trace.ModelName = candidate.Model.Name;
        Trace.SetOutput(text);
    }

    public void Failed(Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && cancellationToken.IsCancellationRequested)
        {
            _status = TraceStatus.Cancelled;
            Trace.SetProblem("The client went away", "The client closed the connection before the answer was complete; the upstream call was cancelled.");
            return;
        }

        _status = TraceStatus.Failed;
        Trace.SetProblem(
            exception is GatewayException gateway ? gateway.Code ?? gateway.Type : exception is PortalException portal ? portal.Title : "Unexpected error",
            exception is PortalException ? exception.Message : $"The gateway failed unexpectedly ({exception.GetType().Name}); the error is logged.");
    }

    public async ValueTask EndAsync()
    {
        var metadata = Trace.Trace.Metadata;
        metadata[GatewayMetadata.Key] = Caller.KeyName;
        metadata[GatewayMetadata.Attempts] = Attempts.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        metadata[GatewayMetadata.Cache] = _cached is null ? "miss" : "hit";
        if (Plan.Route is { } route)
        {
            metadata[GatewayMetadata.Route] = route.Name;
        }

        if (_target is not null)
        {
            metadata[GatewayMetadata.Target] = _target;
        }

        if (_cached is not null)
        {
            metadata[GatewayMetadata.SavedUsd] = _cached.Cost.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var failures = Attempts.Where(a => !a.Succeeded).Select(a => $"{a.Model}: {a.Failure}").ToList();
        if (failures.Count > 0)
        {
            metadata[GatewayMetadata.Failures] = string.Join(" | ", failures);
        }

        await Trace.EndAsync(_status);
    }
}
