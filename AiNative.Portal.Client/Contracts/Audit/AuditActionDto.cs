namespace AiNative.Portal.Client.Contracts.Audit;

public enum AuditActionDto
{
    Created = 1,
    Updated = 2,
    Deleted = 3,
}
