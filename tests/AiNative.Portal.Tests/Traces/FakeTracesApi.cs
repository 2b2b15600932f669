using AiNative.Portal.Client.Contracts;
using AiNative.Portal.Client.Contracts.Traces;

namespace AiNative.Portal.Tests.Traces;

/// <summary>One team's traces in memory for component tests: it records what pages ask and send, and can fail on demand.</summary>
internal sealed class FakeTracesApi : ITracesApi
{
    public List<TraceSummaryDto> Traces { get; } = [];

    /// <summary>Overrides the page the list answers with (for counts beyond what a test would create).</summary>
    public TracePageDto? Page { get; set; }

    public Dictionary<Guid, TraceDetailsDto> Details { get; } = [];

    public List<ScoreDefinitionDto> Definitions { get; } = [.. TraceSamples.Definitions];

    public TraceSettingsDto Settings { get; set; } = new(TracePrivacyDto.Full, 0, 0, false, null);

    public List<TraceListQuery> Queries { get; } = [];

    public List<(Guid TraceId, AddScoreRequest Request)> Scored { get; } = [];

    public List<CreateScoreDefinitionRequest> Defined { get; } = [];

    public List<TracePrivacyDto> PrivacyChanges { get; } = [];

    /// <summary>The problem the next add-score or create-definition call fails with.</summary>
    public ApiProblem? NextProblem { get; set; }

    /// <summary>The problem every list call fails with, when set.</summary>
    public ApiProblem? ListProblem { get; set; }

    public Task<TracePageDto> ListAsync(TraceListQuery query, CancellationToken cancellationToken = default)
    {
        Queries.Add(query);
        if (ListProblem is { } problem)
        {
            throw new ApiException(problem);
        }

        return Task.FromResult(Page ?? new TracePageDto([.. Traces], Traces.Count, false, query.Page, query.PageSize));
    }

    public Task<TraceDetailsDto> GetAsync(Guid traceId, CancellationToken cancellationToken = default) =>
        Details.TryGetValue(traceId, out var details)
            ? Task.FromResult(details)
            : throw new ApiException(new ApiProblem(404, "Not found", $"Trace {traceId} was not found."));

    public Task<ScoreDto> AddScoreAsync(Guid traceId, AddScoreRequest request, CancellationToken cancellationToken = default)
    {
        Fail();
        Scored.Add((traceId, request));
        var definition = Definitions.Single(d => d.Name == request.Name);
        return Task.FromResult(new ScoreDto(Guid.CreateVersion7(), traceId, request.ObservationId, request.Name, definition.DataType, request.Value,
            request.StringValue, ScoreSourceDto.Human, null, null, "Pat Person", request.Comment, DateTimeOffset.UtcNow));
    }

    public Task<IReadOnlyList<ScoreDefinitionDto>> ListScoreDefinitionsAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ScoreDefinitionDto>>([.. Definitions]);

    public Task<ScoreDefinitionDto> CreateScoreDefinitionAsync(CreateScoreDefinitionRequest request, CancellationToken cancellationToken = default)
    {
        Fail();
        Defined.Add(request);
        var definition = new ScoreDefinitionDto(Guid.CreateVersion7(), request.Name, request.Description, request.DataType, request.Minimum,
            request.Maximum, request.Categories ?? []);
        Definitions.Add(definition);
        return Task.FromResult(definition);
    }

    public Task DeleteScoreDefinitionAsync(Guid definitionId, CancellationToken cancellationToken = default)
    {
        Definitions.RemoveAll(d => d.Id == definitionId);
        return Task.CompletedTask;
    }

    public Task<TraceSettingsDto> GetSettingsAsync(CancellationToken cancellationToken = default) => Task.FromResult(Settings);

    public Task SetPrivacyAsync(TracePrivacyDto privacy, CancellationToken cancellationToken = default)
    {
        PrivacyChanges.Add(privacy);
        Settings = Settings with { Privacy = privacy };
        return Task.CompletedTask;
    }

    public Task SetContentRetentionAsync(int? days, CancellationToken cancellationToken = default)
    {
        Settings = Settings with { ContentRetentionDays = days };
        return Task.CompletedTask;
    }

    public Task<IngestionResultDto> IngestAsync(IngestionBatchDto batch, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    private void Fail()
    {
        if (NextProblem is { } problem)
        {
            NextProblem = null;
            throw new ApiException(problem);
        }
    }
}
