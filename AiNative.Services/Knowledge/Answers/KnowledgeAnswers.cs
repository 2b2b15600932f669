using AiNative.Services.Data;
using AiNative.Services.Knowledge.Search;
using AiNative.Services.Models;
using AiNative.Services.Models.Invocation;
using AiNative.Services.Models.Offline;
using AiNative.Services.Platform.Errors;
using AiNative.Services.Teams;
using AiNative.Services.Traces;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AiNative.Services.Knowledge.Answers;

/// <summary>
/// Answers a question from a base: retrieves, and when anything is relevant enough, asks the chosen
/// chat model through the one invocation path to answer from numbered sources with citations.
/// </summary>
public sealed class KnowledgeAnswers(
    IDbContextFactory<PortalDbContext> dbFactory,
    TeamContext team,
    KnowledgeSearch search,
    ModelInvoker invoker,
    TraceRecorder recorder,
    IOptions<KnowledgeOptions> options)
{
    private const string AnswerName = "answer";

    public async Task<Answer> AskAsync(AskRequest request, CancellationToken cancellationToken)
    {
        team.Require(TeamRole.Viewer);
        new Validation()
            .Require(!string.IsNullOrWhiteSpace(request.Question), "Question", "Enter a question.")
            .Require(request.Question.Length <= AskRequest.MaxQuestionLength, "Question", $"The question must be at most {AskRequest.MaxQuestionLength:N0} characters.")
            .Require(request.Sources is null or >= 1 and <= 20, "Sources", "Use between 1 and 20 sources.")
            .ThrowIfInvalid();
        var modelId = await ChatModelAsync(request.ChatModelId, cancellationToken);
        return await recorder.RecordAsync(TraceSource.Knowledge, AnswerName, async trace =>
        {
            trace.SetInput(request.Question);
            var answer = await AnswerAsync(request, modelId, trace, cancellationToken);
            trace.SetOutput(answer.Text);
            trace.Trace.Metadata["ainative.answer.no_result"] = answer.NoResult ? "true" : "false";
            return answer;
        }, cancellationToken);
    }

    private async Task<Answer> AnswerAsync(AskRequest request, Guid modelId, ActiveTrace trace, CancellationToken cancellationToken)
    {
        var retrieved = await search.SearchAsync(
            new SearchRequest
            {
                Index = request.Index,
                Query = request.Question,
                Mode = request.Mode,
                TopK = request.Sources ?? options.Value.AnswerSources,
                MinRelevance = request.MinRelevance ?? options.Value.AnswerMinRelevance,
                Tags = request.Tags,
                DocumentIds = request.DocumentIds,
                Filters = request.Filters,
            },
            new SearchTracing(trace, null, ObservationNames.Retrieve),
            cancellationToken);
        if (retrieved.Hits.Count == 0)
        {
            var reason = retrieved.Message ?? $"Nothing in '{retrieved.KnowledgeBaseName}' is relevant enough to this question.";
            return new Answer(retrieved.KnowledgeBaseId, retrieved.KnowledgeBaseName, request.Question,
                $"The knowledge base '{retrieved.KnowledgeBaseName}' has nothing relevant to this question, so there is no answer from it.",
                true, reason, [], null, null, null, 0, retrieved.Timing, null, trace.Id);
        }

        var result = await invoker.InvokeAsync(
            new ChatInvocation
            {
                ModelId = modelId,
                Messages = AnswerPrompt.Build(request.Question, retrieved.Hits),
                Source = TraceSource.Knowledge,
                Trace = trace,
            },
            cancellationToken);
        var cited = AnswerPrompt.CitedNumbers(result.Text);
        var citations = retrieved.Hits.Select((hit, i) => new Citation(
            i + 1, hit.ChunkId, hit.DocumentId, hit.DocumentName, hit.Page, hit.Heading, hit.Relevance, hit.Text, cited.Contains(i + 1),
            cited.Contains(i + 1) ? CitationQuotes.Find(result.Text, i + 1, hit.Text) : [])).ToList();
        var refused = AnswerPrompt.IsRefusal(result.Text);
        return new Answer(retrieved.KnowledgeBaseId, retrieved.KnowledgeBaseName, request.Question, result.Text, refused,
            refused ? $"The sources found in '{retrieved.KnowledgeBaseName}' do not hold the answer to this question." : null, citations,
            result.CallId, result.ModelName, result.Usage, result.Cost, retrieved.Timing, result.Latency, trace.Id);
    }

    /// <summary>The chosen model, or the team's offline chat model, or its first chat model.</summary>
    private async Task<Guid> ChatModelAsync(Guid? chosen, CancellationToken cancellationToken)
    {
        if (chosen is { } id)
        {
            return id;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Models.Where(m => m.Kind == ModelKind.Chat)
                .OrderByDescending(m => m.Name == OfflineModels.ChatModelId).ThenBy(m => m.Name)
                .Select(m => (Guid?)m.Id)
                .FirstOrDefaultAsync(cancellationToken)
            ?? throw new ValidationFailedException("ChatModelId", "The team has no chat model. Register one on the Models page first.");
    }
}
