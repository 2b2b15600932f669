using System.Runtime.CompilerServices;
using System.Text;
using AiNative.Services.Data;
using AiNative.Services.Platform.Errors;
using AiNative.Services.Platform.Telemetry;
using AiNative.Services.Teams;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace AiNative.Services.Models.Invocation;

/// <summary>
/// The one call path to models. The playground, knowledge answers, experiments and the gateway
/// all call through here, so checks, telemetry, usage, cost and error words are the same
/// everywhere. Every call, failed or not, leaves a <see cref="ModelCall"/> record.
/// </summary>
public sealed partial class ModelInvoker(
    IDbContextFactory<PortalDbContext> dbFactory,
    ModelClientFactory clients,
    TokenCounter tokens,
    TeamContext team,
    TimeProvider clock,
    ILogger<ModelInvoker> logger)
{
    public async Task<InvocationResult> InvokeAsync(ChatInvocation request, CancellationToken cancellationToken)
    {
        var call = await PrepareChatAsync(request, cancellationToken);
        try
        {
            var response = await call.ChatClient!.GetResponseAsync(request.Messages, call.ChatOptions, cancellationToken);
            var usage = PreparedCall.UsageFrom(response.Usage, () => tokens.Count(request.Messages), () => tokens.Count(response.Text));
            var result = call.Result(response.Text, response.FinishReason, usage, timeToFirstToken: null);
            await RecordAsync(call, CallStatus.Succeeded, usage, result.TimeToFirstToken, result.FinishReason, error: null);
            return result;
        }
        catch (Exception e) when (ProviderErrors.Map(e, call.Model, cancellationToken) is { } failure)
        {
            await RecordFailureAsync(call, failure);
            throw failure;
        }
        catch (Exception e)
        {
            await RecordInterruptedAsync(call, e, new TokenUsage(tokens.Count(request.Messages), 0, true), cancellationToken);
            throw;
        }
    }

    /// <summary>
    /// Streams the answer as it arrives, then the result. Stopping early (cancellation or not
    /// reading on) records the call as cancelled with the tokens streamed so far.
    /// </summary>
    public async IAsyncEnumerable<InvocationUpdate> StreamAsync(
        ChatInvocation request,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var call = await PrepareChatAsync(request, cancellationToken);
        var text = new StringBuilder();
        UsageDetails? reported = null;
        ChatFinishReason? finish = null;
        TimeSpan? firstToken = null;
        var status = CallStatus.Cancelled;
        ProviderCallException? failure = null;
        Exception? interruption = null;
        var updates = call.ChatClient!.GetStreamingResponseAsync(request.Messages, call.ChatOptions, cancellationToken)
            .GetAsyncEnumerator(cancellationToken);
        try
        {
            while (true)
            {
                try
                {
                    if (!await updates.MoveNextAsync())
                    {
                        break;
                    }
                }
                catch (Exception e) when (ProviderErrors.Map(e, call.Model, cancellationToken) is { } mapped)
                {
                    failure = mapped;
                    throw mapped;
                }
                catch (Exception e)
                {
                    interruption = e;
                    throw;
                }

                var update = updates.Current;
                reported = update.Contents.OfType<UsageContent>().LastOrDefault()?.Details ?? reported;
                finish = update.FinishReason ?? finish;
                if (update.Text is { Length: > 0 } delta)
                {
                    firstToken ??= call.Elapsed;
                    text.Append(delta);
                    yield return new TextDelta(delta);
                }
            }

            status = CallStatus.Succeeded;
            var usage = PreparedCall.UsageFrom(reported, () => tokens.Count(request.Messages), () => tokens.Count(text.ToString()));
            yield return new InvocationCompleted(call.Result(text.ToString(), finish, usage, firstToken));
        }
        finally
        {
            await updates.DisposeAsync();
            var usage = PreparedCall.UsageFrom(reported, () => tokens.Count(request.Messages), () => tokens.Count(text.ToString()));
            if (failure is not null)
            {
                await RecordFailureAsync(call, failure, usage);
            }
            else if (interruption is not null)
            {
                await RecordInterruptedAsync(call, interruption, usage, cancellationToken);
            }
            else
            {
                await RecordAsync(call, status, usage, firstToken, finish?.Value, error: null);
            }
        }
    }

    /// <summary>Embeds <paramref name="texts"/> in one provider call; vectors come back in input order.</summary>
    public async Task<EmbeddingResult> EmbedAsync(Guid modelId, IReadOnlyList<string> texts, InvocationSource source, CancellationToken cancellationToken)
    {
        team.Require(TeamRole.Viewer);
        var model = await LoadAsync(modelId, ModelKind.Embedding, cancellationToken);
        var longest = texts.Count == 0 ? 0 : texts.Max(tokens.Count);
        if (model.ContextWindow > 0 && longest > model.ContextWindow)
        {
            throw new ContextWindowExceededException(model.Name, longest, 0, model.ContextWindow);
        }

        var call = new PreparedCall(model, source, clock);
        if (texts.Count == 0)
        {
            return new EmbeddingResult(call.CallId, [], new TokenUsage(0, 0, false), 0, TimeSpan.Zero);
        }

        using var generator = new EmbeddingGeneratorBuilder<string, Embedding<float>>(clients.CreateEmbeddingGenerator(model))
            .UseOpenTelemetry(sourceName: PortalTelemetry.Name)
            .Build();
        GeneratedEmbeddings<Embedding<float>> embeddings;
        try
        {
            embeddings = await generator.GenerateAsync(texts, cancellationToken: cancellationToken);
        }
        catch (Exception e) when (ProviderErrors.Map(e, model, cancellationToken) is { } failure)
        {
            await RecordFailureAsync(call, failure);
            throw failure;
        }
        catch (Exception e)
        {
            await RecordInterruptedAsync(call, e, new TokenUsage(texts.Sum(t => (long)tokens.Count(t)), 0, true), cancellationToken);
            throw;
        }

        var vectors = embeddings.Select(e => e.Vector).ToList();
        if (vectors.Count != texts.Count || (model.EmbeddingDimensions is { } dimensions && vectors.Any(v => v.Length != dimensions)))
        {
            var got = vectors.FirstOrDefault().Length;
            await RecordAsync(call, CallStatus.Failed, new TokenUsage(0, 0, true), null, null, "DimensionMismatch");
            throw new ConflictException(
                $"Model '{model.Name}' returned {vectors.Count} vectors of {got} dimensions for {texts.Count} texts, but it is registered with {model.EmbeddingDimensions} dimensions. Correct the model's dimensions on the Models page.");
        }

        var usage = PreparedCall.UsageFrom(embeddings.Usage, () => texts.Sum(t => (long)tokens.Count(t)), () => 0);
        await RecordAsync(call, CallStatus.Succeeded, usage, null, null, null);
        return new EmbeddingResult(call.CallId, vectors, usage, model.CostOf(usage.InputTokens, 0), call.Elapsed);
    }

    private async Task<PreparedCall> PrepareChatAsync(ChatInvocation request, CancellationToken cancellationToken)
    {
        team.Require(TeamRole.Viewer);
        if (request.Messages.Count == 0 || request.Messages.All(m => string.IsNullOrWhiteSpace(m.Text)))
        {
            throw new ValidationFailedException("Messages", "The prompt is empty: write a system or user message.");
        }

        var model = await LoadAsync(request.ModelId, ModelKind.Chat, cancellationToken);
        var settings = request.Settings.Over(model.DefaultSettings);
        ValidateSettings(settings, model);
        var promptTokens = tokens.Count(request.Messages);
        var reserved = settings.MaxOutputTokens ?? 0;
        if (model.ContextWindow > 0 && promptTokens + reserved > model.ContextWindow)
        {
            throw new ContextWindowExceededException(model.Name, promptTokens, reserved, model.ContextWindow);
        }

        return new PreparedCall(model, request.Source, clock, request.CallId)
        {
            ChatClient = new ChatClientBuilder(clients.CreateChatClient(model))
                .UseOpenTelemetry(sourceName: PortalTelemetry.Name)
                .Build(),
            ChatOptions = new ChatOptions
            {
                ModelId = model.ProviderModelId,
                Temperature = settings.Temperature,
                TopP = settings.TopP,
                MaxOutputTokens = settings.MaxOutputTokens,
                ResponseFormat = settings.ResponseFormat == ResponseFormat.Json ? ChatResponseFormat.Json : null,
            },
        };
    }

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
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var model = await db.Models.AsNoTracking().Include(m => m.Provider)
            .SingleOrDefaultAsync(m => m.Id == modelId, cancellationToken)
            ?? throw new NotFoundException("Model", modelId);
        if (model.Kind != kind)
        {
            var wanted = kind == ModelKind.Chat ? "a chat model" : "an embedding model";
            throw new ValidationFailedException("ModelId", $"'{model.Name}' is a {model.Kind.ToString().ToLowerInvariant()} model; pick {wanted}.");
        }

        return model;
    }

    private Task RecordFailureAsync(PreparedCall call, ProviderCallException failure, TokenUsage? usage = null)
    {
        failure.CallId = call.CallId;
        LogCallFailed(call.Model.Name, failure.Failure, failure.ProviderStatus);
        return RecordAsync(call, CallStatus.Failed, usage ?? new TokenUsage(0, 0, true), null, null,
            failure.ProviderStatus is { } status ? $"{failure.Failure} ({status})" : failure.Failure.ToString());
    }

    /// <summary>
    /// Records a call that ended in neither an answer nor a provider failure: the caller's
    /// cancellation, or a fault of the portal's own, which is logged with its exception.
    /// </summary>
    private Task RecordInterruptedAsync(PreparedCall call, Exception exception, TokenUsage usage, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && cancellationToken.IsCancellationRequested)
        {
            return RecordAsync(call, CallStatus.Cancelled, usage, null, null, null);
        }

        LogCallFaulted(exception, call.Model.Name);
        return RecordAsync(call, CallStatus.Failed, usage, null, null, $"Unexpected ({exception.GetType().Name})");
    }

    private async Task RecordAsync(PreparedCall call, CallStatus status, TokenUsage usage, TimeSpan? firstToken, string? finish, string? error)
    {
        var cost = call.Model.CostOf(usage.InputTokens, usage.OutputTokens);
        InvocationMetrics.RecordCost(call.Model, call.Source, cost);

        // The caller may have given up (a closed browser tab); the call still happened and still costs.
        await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        db.ModelCalls.Add(new ModelCall
        {
            Id = call.CallId,
            ModelId = call.Model.Id,
            ModelName = call.Model.Name,
            Kind = call.Model.Kind,
            Source = call.Source,
            Status = status,
            StartedAt = call.StartedAt,
            LatencyMs = call.Elapsed.TotalMilliseconds,
            TimeToFirstTokenMs = firstToken?.TotalMilliseconds,
            InputTokens = usage.InputTokens,
            OutputTokens = usage.OutputTokens,
            UsageEstimated = usage.IsEstimated,
            Cost = cost,
            FinishReason = finish,
            Error = error,
            ActorId = team.Actor.UserId,
        });
        await db.SaveChangesAsync(CancellationToken.None);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call to model {Model} failed: {Failure} (provider status {Status})")]
    private partial void LogCallFailed(string model, ProviderFailure failure, int? status);

    [LoggerMessage(Level = LogLevel.Error, Message = "Call to model {Model} failed unexpectedly")]
    private partial void LogCallFaulted(Exception exception, string model);
}
