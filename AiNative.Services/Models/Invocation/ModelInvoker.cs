using System.Runtime.CompilerServices;
using System.Text;
using AiNative.Services.Models.Pipeline;
using AiNative.Services.Platform.Errors;
using AiNative.Services.Teams;
using AiNative.Services.Traces;
using Microsoft.Extensions.AI;

namespace AiNative.Services.Models.Invocation;

/// <summary>
/// The one call path to models. The playground, knowledge answers, experiments and the gateway
/// all call through here, so checks, telemetry, usage, cost and error words are the same
/// everywhere. The model's cached pipeline (<see cref="ModelPipelines"/>) records every call, failed
/// or not, as an observation of the caller's trace, or of a trace of its own.
/// </summary>
public sealed class ModelInvoker(ModelLookup models, ModelPipelines pipelines, TraceRecorder recorder, TokenCounter tokens, TeamContext team)
{
    public async Task<InvocationResult> InvokeAsync(ChatInvocation request, CancellationToken cancellationToken)
    {
        var (model, options) = await PrepareChatAsync(request, cancellationToken);
        await using var call = await CallTrace.StartAsync(recorder, request.Trace, request.ParentId, request.Source, model.Name, cancellationToken);
        options.AdditionalProperties = call.Recording.AsProperties();
        var response = await pipelines.ChatClientFor(model).GetResponseAsync(request.Messages, options, cancellationToken);
        call.Output = response.Text;
        return Result(call.Recording, model, response.Text) with { ToolCalls = ToolCallsOf(response.Messages.SelectMany(m => m.Contents)) };
    }

    /// <summary>
    /// Streams the answer as it arrives, then the result. Stopping early (cancellation or not
    /// reading on) records the call as cancelled with the tokens streamed so far.
    /// </summary>
    public async IAsyncEnumerable<InvocationUpdate> StreamAsync(
        ChatInvocation request,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (model, options) = await PrepareChatAsync(request, cancellationToken);
        await using var call = await CallTrace.StartAsync(recorder, request.Trace, request.ParentId, request.Source, model.Name, cancellationToken);
        options.AdditionalProperties = call.Recording.AsProperties();
        var text = new StringBuilder();
        List<FunctionCallContent> toolCalls = [];
        await foreach (var update in pipelines.ChatClientFor(model).GetStreamingResponseAsync(request.Messages, options, cancellationToken))
        {
            if (update.Text is { Length: > 0 } delta)
            {
                text.Append(delta);
                yield return new TextDelta(delta);
            }

            if (ToolCallsOf(update.Contents) is { Count: > 0 } calls)
            {
                toolCalls.AddRange(calls);
                yield return new ToolCallsDelta(calls);
            }
        }

        call.Output = text.ToString();
        yield return new InvocationCompleted(Result(call.Recording, model, call.Output) with { ToolCalls = toolCalls });
    }

    /// <summary>Embeds <paramref name="texts"/> in one provider call, recorded as a trace of its own; vectors come back in input order.</summary>
    public Task<EmbeddingResult> EmbedAsync(Guid modelId, IReadOnlyList<string> texts, TraceSource source, CancellationToken cancellationToken) =>
        EmbedAsync(new EmbeddingInvocation { ModelId = modelId, Texts = texts, Source = source }, cancellationToken);

    public async Task<EmbeddingResult> EmbedAsync(EmbeddingInvocation request, CancellationToken cancellationToken)
    {
        team.Require(TeamRole.Viewer);
        var model = await LoadAsync(request.ModelId, ModelKind.Embedding, cancellationToken);
        var longest = request.Texts.Count == 0 ? 0 : request.TokenCounts?.Max() ?? request.Texts.Max(tokens.Count);
        if (model.ContextWindow > 0 && longest > model.ContextWindow)
        {
            throw new ContextWindowExceededException(model.Name, longest, 0, model.ContextWindow);
        }

        if (request.Texts.Count == 0)
        {
            return new EmbeddingResult(Guid.Empty, [], new TokenUsage(0, 0, false), 0, TimeSpan.Zero);
        }

        await using var call = await CallTrace.StartAsync(recorder, request.Trace, request.ParentId, request.Source, model.Name, cancellationToken);
        call.Recording.CountedInputTokens = request.TokenCounts?.Sum(count => (long)count);
        var embeddings = await pipelines.EmbeddingGeneratorFor(model).GenerateAsync(
            request.Texts, new EmbeddingGenerationOptions { AdditionalProperties = call.Recording.AsProperties() }, cancellationToken);
        var recorded = call.Recording.Observation!;
        return new EmbeddingResult(recorded.Id, [.. embeddings.Select(e => e.Vector)],
            new TokenUsage(recorded.InputTokens, recorded.OutputTokens, recorded.UsageEstimated), recorded.Cost,
            TimeSpan.FromMilliseconds(recorded.DurationMs));
    }

    private async Task<(ModelDefinition Model, ChatOptions Options)> PrepareChatAsync(ChatInvocation request, CancellationToken cancellationToken)
    {
        team.Require(TeamRole.Viewer);
        if (request.Messages.Count == 0 || request.Messages.All(m => string.IsNullOrWhiteSpace(m.Text)))
        {
            throw new ValidationFailedException("Messages", "The prompt is empty: write a system or user message.");
        }

        var model = await LoadAsync(request.ModelId, ModelKind.Chat, cancellationToken);
        var settings = request.Settings.Over(model.DefaultSettings);
        ValidateSettings(settings, model);
        var reserved = settings.MaxOutputTokens ?? 0;
        if (model.ContextWindow > 0 && TokenCounter.UpperBound(request.Messages) + reserved > model.ContextWindow
            && tokens.Count(request.Messages) is var promptTokens && promptTokens + reserved > model.ContextWindow)
        {
            throw new ContextWindowExceededException(model.Name, promptTokens, reserved, model.ContextWindow);
        }

        return (model, new ChatOptions
        {
            ModelId = model.ProviderModelId,
            Temperature = settings.Temperature,
            TopP = settings.TopP,
            MaxOutputTokens = settings.MaxOutputTokens,
            ResponseFormat = request.ResponseFormat ?? (settings.ResponseFormat == ResponseFormat.Json ? ChatResponseFormat.Json : null),
            Tools = request.Tools.Count == 0 ? null : [.. request.Tools],
            ToolMode = request.Tools.Count == 0 ? null : request.ToolMode,
            StopSequences = request.StopSequences.Count == 0 ? null : [.. request.StopSequences],
        });
    }

    private static InvocationResult Result(CallRecording recording, ModelDefinition model, string text)
    {
        var call = recording.Observation ?? throw new InvalidOperationException("The model pipeline did not record the call.");
        return new InvocationResult(call.Id, recording.Trace.Id, model.Id, model.Name, text, call.FinishReason,
            new TokenUsage(call.InputTokens, call.OutputTokens, call.UsageEstimated), call.Cost,
            call.TimeToFirstTokenMs is { } first ? TimeSpan.FromMilliseconds(first) : null, TimeSpan.FromMilliseconds(call.DurationMs));
    }

    private static List<FunctionCallContent> ToolCallsOf(IEnumerable<AIContent> contents) => [.. contents.OfType<FunctionCallContent>()];

    private static void ValidateSettings(GenerationSettings settings, ModelDefinition model) =>
        new Validation()
            .Require(settings.Temperature is null or >= 0 and <= 2, "Temperature", "Temperature must be between 0 and 2.")
            .Require(settings.TopP is null or >= 0 and <= 1, "TopP", "Top-p must be between 0 and 1.")
            .Require(settings.MaxOutputTokens is null or > 0, "MaxOutputTokens", "Max tokens must be at least 1.")
            .Require(
                model.MaxOutputTokens <= 0 || settings.MaxOutputTokens is null || settings.MaxOutputTokens <= model.MaxOutputTokens,
                "MaxOutputTokens",
                $"Max tokens must be at most {model.MaxOutputTokens:N0}, the most model '{model.Name}' can write.")
            .ThrowIfInvalid();

    private async Task<ModelDefinition> LoadAsync(Guid modelId, ModelKind kind, CancellationToken cancellationToken)
    {
        var model = await models.FindAsync(modelId, cancellationToken) ?? throw new NotFoundException("Model", modelId);
        if (model.Kind != kind)
        {
            var wanted = kind == ModelKind.Chat ? "a chat model" : "an embedding model";
            throw new ValidationFailedException("ModelId", $"'{model.Name}' is a {model.Kind.ToString().ToLowerInvariant()} model; pick {wanted}.");
        }

        return model;
    }
}
