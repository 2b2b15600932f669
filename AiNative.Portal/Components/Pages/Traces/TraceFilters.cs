using AiNative.Portal.Client.Contracts.Traces;
using MudBlazor;

namespace AiNative.Portal.Components.Pages.Traces;

/// <summary>What the traces list is filtered by; empty text and unset choices do not filter.</summary>
public sealed class TraceFilters
{
    public TraceSourceDto? Source { get; set; }

    public TraceStatusDto? Status { get; set; }

    public Guid? PromptId { get; set; }

    public string? Model { get; set; }

    public string? Tag { get; set; }

    public string? Search { get; set; }

    /// <summary>Whole days in UTC, as the date picker chooses them.</summary>
    public DateRange? Dates { get; set; }

    public string? ScoreName { get; set; }

    public double? MinScore { get; set; }

    public double? MaxScore { get; set; }

    public bool Any =>
        Source is not null || Status is not null || PromptId is not null || Text(Model) is not null || Text(Tag) is not null || Text(Search) is not null
        || Dates?.Start is not null || Dates?.End is not null || ScoreName is not null;

    /// <summary>The API's query for the table's page (counted from 0) and size.</summary>
    public TraceListQuery ToQuery(int pageIndex, int pageSize) => new()
    {
        Source = Source,
        Status = Status,
        PromptId = PromptId,
        Model = Text(Model),
        Tag = Text(Tag),
        Search = Text(Search),
        From = Dates?.Start is { } start ? new DateTimeOffset(start.Date, TimeSpan.Zero) : null,
        To = Dates?.End is { } end ? new DateTimeOffset(end.Date.AddDays(1).AddTicks(-1), TimeSpan.Zero) : null,
        ScoreName = ScoreName,
        MinScore = ScoreName is null ? null : MinScore,
        MaxScore = ScoreName is null ? null : MaxScore,
        Page = pageIndex + 1,
        PageSize = pageSize,
    };

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
