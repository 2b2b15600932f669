namespace AiNative.Portal.Client.Contracts.Traces;

/// <summary>
/// The team's traces: every playground run, knowledge answer and search, experiment cell and gateway
/// request, with its observations and scores; scores from people and applications; the score
/// definitions they follow; the team's privacy setting; and ingestion for applications that call
/// models themselves.
/// </summary>
public interface ITracesApi
{
    Task<TracePageDto> ListAsync(TraceListQuery query, CancellationToken cancellationToken = default);

    Task<TraceDetailsDto> GetAsync(Guid traceId, CancellationToken cancellationToken = default);

    Task<ScoreDto> AddScoreAsync(Guid traceId, AddScoreRequest request, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ScoreDefinitionDto>> ListScoreDefinitionsAsync(CancellationToken cancellationToken = default);

    Task<ScoreDefinitionDto> CreateScoreDefinitionAsync(CreateScoreDefinitionRequest request, CancellationToken cancellationToken = default);

    Task DeleteScoreDefinitionAsync(Guid definitionId, CancellationToken cancellationToken = default);

    Task<TraceSettingsDto> GetSettingsAsync(CancellationToken cancellationToken = default);

    Task SetPrivacyAsync(TracePrivacyDto privacy, CancellationToken cancellationToken = default);

    /// <summary>After how many days the team's traces lose their content (null: never); the numbers stay.</summary>
    Task SetContentRetentionAsync(int? days, CancellationToken cancellationToken = default);

    Task<IngestionResultDto> IngestAsync(IngestionBatchDto batch, CancellationToken cancellationToken = default);
}
