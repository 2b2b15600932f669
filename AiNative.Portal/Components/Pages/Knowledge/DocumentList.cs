using AiNative.Portal.Client.Contracts.Knowledge;

namespace AiNative.Portal.Components.Pages.Knowledge;

/// <summary>The documents of a base as the page shows them, newest first, kept current by live status changes.</summary>
public sealed class DocumentList
{
    private List<DocumentDto> _items = [];

    public IReadOnlyList<DocumentDto> Items => _items;

    /// <summary>True while a document waits or is being ingested, when the page checks back now and then.</summary>
    public bool AnyBusy => _items.Exists(d => d.Status is DocumentStatusDto.Queued or DocumentStatusDto.Processing);

    public void Reset(IEnumerable<DocumentDto> documents) => _items = [.. documents.OrderByDescending(d => d.Creation)];

    public bool Contains(Guid documentId) => _items.Exists(d => d.DocumentId == documentId);

    public void Upsert(DocumentDto document)
    {
        var index = _items.FindIndex(d => d.DocumentId == document.DocumentId);
        if (index >= 0)
        {
            _items[index] = document;
        }
        else
        {
            _items.Insert(0, document);
        }
    }

    public void Remove(Guid documentId) => _items.RemoveAll(d => d.DocumentId == documentId);

    /// <summary>Applies a live change; false when the document is not listed yet (so the page fetches it).</summary>
    public bool Apply(DocumentChangeDto change)
    {
        if (change.Deleted)
        {
            Remove(change.DocumentId);
            return true;
        }

        var index = _items.FindIndex(d => d.DocumentId == change.DocumentId);
        if (index < 0)
        {
            return false;
        }

        _items[index] = _items[index] with
        {
            Status = change.Status,
            Step = change.Step,
            Progress = change.Progress,
            Error = change.Error,
            ChunkCount = change.ChunkCount,
            TokenCount = change.TokenCount,
            Completed = change.Status == DocumentStatusDto.Ready,
            Failed = change.Status == DocumentStatusDto.Failed,
        };
        return true;
    }
}
