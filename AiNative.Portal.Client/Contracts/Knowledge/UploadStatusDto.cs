namespace AiNative.Portal.Client.Contracts.Knowledge;

public enum UploadStatusDto
{
    Accepted = 1,
    Duplicate = 2,
    Rejected = 3,
}
