using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading.Channels;
using AiNative.Services.Data;
using AiNative.Services.Platform.Replicas;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Knowledge;

/// <summary>
/// Live document status for pages on every replica: ingestion raises a change after every step and
/// progress report; a page subscribes (or watches one base) and redraws. A change missed while this
/// replica was not listening to the others is not replayed; pages reload the list when they open.
/// </summary>
public sealed class KnowledgeEvents
{
    private const string Topic = "knowledge.documents";
    private const string ReindexTopic = "knowledge.reindex-ended";
    private const int BufferedChanges = 256;

    /// <summary>Keeps a change well under the size of a message between replicas; the document keeps the whole error.</summary>
    private const int MaxErrorLength = 1000;

    private readonly ReplicaChannel _replicas;

    public KnowledgeEvents(ReplicaChannel replicas)
    {
        _replicas = replicas;
        replicas.Subscribe(Topic, payload => DocumentChanged?.Invoke(JsonSerializer.Deserialize<DocumentStatusChanged>(payload)!));
        replicas.Subscribe(ReindexTopic, payload => ReindexEnded?.Invoke(Guid.Parse(payload)));
    }

    public event Action<DocumentStatusChanged>? DocumentChanged;

    /// <summary>A base's re-index ended, swapped in or failed (the base's id); its summary says which.</summary>
    public event Action<Guid>? ReindexEnded;

    public void RaiseReindexEnded(Guid knowledgeBaseId) => _replicas.Publish(ReindexTopic, knowledgeBaseId.ToString("N"));

    public void Raise(DocumentStatusChanged change) => _replicas.Publish(Topic, JsonSerializer.Serialize(
        change.Error is { Length: > MaxErrorLength } error ? change with { Error = error[..MaxErrorLength] } : change));

    /// <summary>
    /// Saves <paramref name="db"/>'s changes that queue a document for ingestion, and raises the change
    /// <paramref name="queued"/> makes of the saved document (its team is set by the save) before they are committed: no worker can claim the job before the commit, so its "processing" and "ready" always
    /// come after "queued". Raised after the commit, a quick ingestion could end first and leave a page showing
    /// "queued". A save that fails raises nothing.
    /// </summary>
    public async Task SaveQueuedAsync(PortalDbContext db, Func<DocumentStatusChanged> queued, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        Raise(queued());
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The changes of one base of one team until cancelled; a slow reader loses the oldest, never blocks ingestion.</summary>
    public async IAsyncEnumerable<DocumentStatusChanged> WatchAsync(
        Guid teamId,
        Guid knowledgeBaseId,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<DocumentStatusChanged>(
            new BoundedChannelOptions(BufferedChanges) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        void OnChange(DocumentStatusChanged change)
        {
            if (change.TeamId == teamId && change.KnowledgeBaseId == knowledgeBaseId)
            {
                channel.Writer.TryWrite(change);
            }
        }

        DocumentChanged += OnChange;
        try
        {
            await foreach (var change in channel.Reader.ReadAllAsync(cancellationToken))
            {
                yield return change;
            }
        }
        finally
        {
            DocumentChanged -= OnChange;
        }
    }
}
