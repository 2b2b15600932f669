using AiNative.Portal.Client.Contracts.Knowledge;

namespace AiNative.Portal.Components.Pages.Knowledge;

/// <summary>One file of an upload as the page shows it: its bytes sent so far, then its outcome and why.</summary>
public sealed class UploadItem(string fileName, long size)
{
    public string FileName { get; } = fileName;

    public long Size { get; } = size;

    public long Sent { get; private set; }

    public UploadStage Stage { get; private set; } = UploadStage.Waiting;

    /// <summary>Why the file was refused or whose duplicate it is; null when accepted or not done.</summary>
    public string? Message { get; private set; }

    public Guid? DocumentId { get; private set; }

    public bool IsDone => Stage is UploadStage.Accepted or UploadStage.Duplicate or UploadStage.Rejected;

    /// <summary>Percent of the bytes sent, for the upload bar.</summary>
    public double Percent => Size == 0 ? 100 : Math.Min(100, 100.0 * Sent / Size);

    public void Start() => Stage = UploadStage.Sending;

    public void Report(long sent)
    {
        Sent = sent;
        if (sent >= Size)
        {
            Stage = UploadStage.Checking;
        }
    }

    public void Finish(UploadedFileDto outcome)
    {
        Stage = outcome.Status switch
        {
            UploadStatusDto.Accepted => UploadStage.Accepted,
            UploadStatusDto.Duplicate => UploadStage.Duplicate,
            _ => UploadStage.Rejected,
        };
        Message = outcome.Message;
        DocumentId = outcome.DocumentId;
    }

    public void Reject(string reason)
    {
        Stage = UploadStage.Rejected;
        Message = reason;
    }
}
