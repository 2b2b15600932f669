namespace AiNative.Portal.Components.Pages.Knowledge;

/// <summary>Where one file of an upload is: waiting its turn, sending its bytes, being checked, or done with an outcome.</summary>
public enum UploadStage
{
    Waiting,
    Sending,
    Checking,
    Accepted,
    Duplicate,
    Rejected,
}
