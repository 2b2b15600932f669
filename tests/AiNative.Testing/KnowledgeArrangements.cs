using AiNative.Services.Knowledge;
using AiNative.Services.Teams;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace AiNative.Testing;

/// <summary>Waiting for the background ingestion of a knowledge base, such as the seeded handbook, before a test uses it.</summary>
public static class KnowledgeArrangements
{
    /// <summary>The demo team's seeded base.</summary>
    public const string Handbook = "Portal handbook";

    /// <summary>Waits until every document of <paramref name="index"/> in <paramref name="teamId"/> is ready; a failed one fails the test.</summary>
    public static async Task WaitUntilReadyAsync(this IServiceProvider services, Guid teamId, string index)
    {
        var documents = await Poll.UntilAsync(async () =>
        {
            await using var scope = new TeamScope(services.CreateAsyncScope());
            scope.Get<TeamContext>().Enter(TeamAccess.ForSystem(teamId, "Waiting"));
            return await scope.Get<KnowledgeDocuments>().ListAsync(index, TestContext.Current.CancellationToken);
        }, all => all.Any(d => d.Status == DocumentStatus.Failed) || all.All(d => d.Status == DocumentStatus.Ready));
        if (documents.FirstOrDefault(d => d.Status == DocumentStatus.Failed) is { } failed)
        {
            throw new InvalidOperationException($"{failed.FileName} failed at step {failed.Step}: {failed.Error}");
        }

        if (!documents.All(d => d.Status == DocumentStatus.Ready))
        {
            throw new TimeoutException($"The documents of '{index}' are not ready after {Poll.Patience.TotalSeconds} seconds.");
        }
    }

    /// <summary>
    /// Waits for the base's re-index to end (the event <see cref="KnowledgeEvents.ReindexEnded"/>, no polling) and
    /// returns its summary; a re-index that failed, or did not end within the patience, fails the test.
    /// </summary>
    public static async Task<KnowledgeBaseSummary> WaitUntilReindexedAsync(this TeamScope scope, Guid knowledgeBaseId)
    {
        var ended = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnEnded(Guid id)
        {
            if (id == knowledgeBaseId)
            {
                ended.TrySetResult();
            }
        }

        var events = scope.Get<KnowledgeEvents>();
        events.ReindexEnded += OnEnded;
        try
        {
            // Subscribed first, then read: a re-index that ended before the subscription is seen in the summary.
            var summary = await scope.Get<KnowledgeBases>().GetAsync(knowledgeBaseId, TestContext.Current.CancellationToken);
            if (summary.IsReindexing && summary.ReindexError is null)
            {
                await ended.Task.WaitAsync(Poll.Patience, TestContext.Current.CancellationToken);
                summary = await scope.Get<KnowledgeBases>().GetAsync(knowledgeBaseId, TestContext.Current.CancellationToken);
            }

            return summary switch
            {
                { ReindexError: { } error } => throw new InvalidOperationException($"The re-index of '{summary.Name}' failed: {error}"),
                { IsReindexing: true } => throw new InvalidOperationException($"'{summary.Name}' is still re-indexing."),
                _ => summary,
            };
        }
        finally
        {
            events.ReindexEnded -= OnEnded;
        }
    }
}
