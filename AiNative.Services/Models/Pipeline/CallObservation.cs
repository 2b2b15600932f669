using AiNative.Services.Models.Invocation;
using AiNative.Services.Traces;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace AiNative.Services.Models.Pipeline;

/// <summary>
/// The observation of one model call, from start to end: usage as the provider reported it or as the
/// tokenizer counts it (marked estimated), cost from the model's prices, and how the call ended.
/// Shared by the chat and embedding recording links.
/// </summary>
internal sealed partial class CallObservation
{
    private const string DimensionMismatch = "DimensionMismatch";

    private readonly CallRecording _recording;
    private readonly ModelDefinition _model;
    private readonly ActiveObservation _observation;

    public CallObservation(CallRecording recording, ModelDefinition model, ObservationType type)
    {
        _recording = recording;
        _model = model;
        _observation = recording.Trace.Start(type, model.Name, recording.ParentId)
            .Set("gen_ai.system", model.Provider.Kind.ToString().ToLowerInvariant())
            .Set("gen_ai.request.model", model.ProviderModelId);
        _observation.Record.ModelId = model.Id;
        _observation.Record.ModelName = model.Name;
    }

    public Guid Id => _observation.Id;

    public TimeSpan Elapsed => _observation.Elapsed;

    public ActiveObservation Observation => _observation;

    public ValueTask SucceededAsync(TokenUsage usage, string? output, TimeSpan? firstToken, string? finishReason)
    {
        _observation.SetOutput(output);
        _observation.Record.TimeToFirstTokenMs = firstToken?.TotalMilliseconds;
        _observation.Record.FinishReason = finishReason;
        _observation.Set("gen_ai.response.finish_reasons", finishReason);
        return EndAsync(TraceStatus.Succeeded, usage, error: null, errorType: null);
    }

    /// <summary>Ends the call that threw <paramref name="exception"/>: a provider failure, the caller's cancellation, or a fault of the portal's own (logged).</summary>
    public ValueTask FailedAsync(Exception exception, TokenUsage usage, string? partialOutput, TimeSpan? firstToken, CancellationToken callerToken, ILogger logger)
    {
        _observation.SetOutput(partialOutput);
        _observation.Record.TimeToFirstTokenMs = firstToken?.TotalMilliseconds;
        switch (exception)
        {
            case ProviderCallException failure:
                failure.CallId = Id;
                LogCallFailed(logger, _model.Name, failure.Failure, failure.ProviderStatus);
                return EndAsync(TraceStatus.Failed, usage,
                    failure.ProviderStatus is { } status ? $"{failure.Failure} ({status})" : failure.Failure.ToString(), failure.Failure.ToString());
            case OperationCanceledException when callerToken.IsCancellationRequested:
                return EndAsync(TraceStatus.Cancelled, usage, error: null, errorType: null);
            case EmbeddingDimensionsException:
                return EndAsync(TraceStatus.Failed, usage, DimensionMismatch, DimensionMismatch);
            default:
                LogCallFaulted(logger, exception, _model.Name);
                return EndAsync(TraceStatus.Failed, usage, $"Unexpected ({exception.GetType().Name})", exception.GetType().Name);
        }
    }

    /// <summary>The provider's usage, or the tokenizer's count marked as estimated.</summary>
    public static TokenUsage UsageFrom(UsageDetails? reported, Func<long> estimateInput, Func<long> estimateOutput) =>
        reported?.InputTokenCount is { } input && reported.OutputTokenCount is { } output
            ? new TokenUsage(input, output, IsEstimated: false)
            : new TokenUsage(reported?.InputTokenCount ?? estimateInput(), reported?.OutputTokenCount ?? estimateOutput(), IsEstimated: true);

    /// <param name="error">The failure's kind and provider status, kept with the observation.</param>
    /// <param name="errorType">The failure's kind alone, as OpenTelemetry's <c>error.type</c>.</param>
    private async ValueTask EndAsync(TraceStatus status, TokenUsage usage, string? error, string? errorType)
    {
        var record = _observation.Record;
        record.InputTokens = usage.InputTokens;
        record.OutputTokens = usage.OutputTokens;
        record.UsageEstimated = usage.IsEstimated;
        record.Cost = _model.CostOf(usage.InputTokens, usage.OutputTokens);
        record.Error = error;
        _observation.Set("gen_ai.usage.input_tokens", usage.InputTokens)
            .Set("gen_ai.usage.output_tokens", usage.OutputTokens)
            .Set("error.type", errorType);
        InvocationMetrics.RecordCost(_model, _recording.Trace.Trace.Source, record.Cost);
        await _observation.EndAsync(status);
        _recording.Observation = record;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call to model {Model} failed: {Failure} (provider status {Status})")]
    private static partial void LogCallFailed(ILogger logger, string model, ProviderFailure failure, int? status);

    [LoggerMessage(Level = LogLevel.Error, Message = "Call to model {Model} failed unexpectedly")]
    private static partial void LogCallFaulted(ILogger logger, Exception exception, string model);
}
