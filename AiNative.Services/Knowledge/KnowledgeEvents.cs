using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace AiNative.Services.Knowledge;

/// <summary>
/// Live document status for pages of this process: ingestion raises a change after every step and
/// progress report; a page subscribes (or watches one base) and redraws. Changes made by another
/// replica are not seen here; pages reload the list when they open.
/// </summary>
public sealed class KnowledgeEvents
{
    private const int BufferedChanges = 256;

    public event Action<DocumentStatusChanged>? DocumentChanged;

    public void Raise(DocumentStatusChanged change) => DocumentChanged?.Invoke(change);

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
