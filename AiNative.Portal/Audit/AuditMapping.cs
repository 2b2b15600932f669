using AiNative.Portal.Client.Contracts.Audit;
using AiNative.Services.Platform.Audit;

namespace AiNative.Portal.Audit;

internal static class AuditMapping
{
    public static AuditFilter ToFilter(this AuditQueryDto query) =>
        new(query.ActorId, query.ObjectKind, query.From, query.To, query.Page, query.PageSize);

    public static AuditPageDto ToDto(this AuditPage page) =>
        new(page.Items.Select(e => new AuditEntryDto(e.Id, e.At, e.ActorId, e.ActorName, (AuditActionDto)e.Action, e.ObjectKind, e.ObjectId, e.ObjectName, e.Summary)).ToList(),
            page.TotalCount);

    public static AuditChoicesDto ToDto(this AuditFilterChoices choices) =>
        new(choices.Actors.Select(a => new AuditActorDto(a.Id, a.Name)).ToList(), choices.ObjectKinds);
}
