using AiNative.Portal.Accounts;
using AiNative.Portal.Client.Contracts.Traces;
using AiNative.Portal.Platform;
using AiNative.Services.Traces;
using AiNative.Services.Traces.Ingestion;
using AiNative.Services.Traces.Queries;
using AiNative.Services.Traces.Recording;
using AiNative.Services.Traces.Scoring;

namespace AiNative.Portal.Traces;

/// <summary>The team's traces in process, for the server pages and the HTTP endpoints.</summary>
internal sealed class PortalTracesApi(
    TraceQueries queries,
    TraceScores scores,
    ScoreDefinitions definitions,
    TracePrivacyPolicy privacy,
    TraceIngestion ingestion,
    TraceWriter writer,
    CurrentPrincipal principal) : ITracesApi
{
    public Task<TracePageDto> ListAsync(TraceListQuery query, CancellationToken cancellationToken = default) =>
        ServerApi.CallAsync(async () => (await queries.ListAsync(query.ToQuery(), cancellationToken)).ToDto());

    public Task<TraceDetailsDto> GetAsync(Guid traceId, CancellationToken cancellationToken = default) =>
        ServerApi.CallAsync(async () => (await queries.GetAsync(traceId, settled: false, cancellationToken)).ToDto());

    /// <summary>A score sent with an access token comes from an application; one given in the portal, from a person.</summary>
    public Task<ScoreDto> AddScoreAsync(Guid traceId, AddScoreRequest request, CancellationToken cancellationToken = default) =>
        ServerApi.CallAsync(async () =>
        {
            var source = (await principal.GetAsync()).IsAccessTokenCaller() ? ScoreSource.Api : ScoreSource.Human;
            return (await scores.AddAsync(traceId, request.ToInput(), source, cancellationToken)).ToDto();
        });

    public Task<IReadOnlyList<ScoreDefinitionDto>> ListScoreDefinitionsAsync(CancellationToken cancellationToken = default) =>
        ServerApi.CallAsync(async () => (IReadOnlyList<ScoreDefinitionDto>)[.. (await definitions.ListAsync(cancellationToken)).Select(d => d.ToDto())]);

    public Task<ScoreDefinitionDto> CreateScoreDefinitionAsync(CreateScoreDefinitionRequest request, CancellationToken cancellationToken = default) =>
        ServerApi.CallAsync(async () => (await definitions.CreateAsync(request.ToInput(), cancellationToken)).ToDto());

    public Task DeleteScoreDefinitionAsync(Guid definitionId, CancellationToken cancellationToken = default) =>
        ServerApi.CallAsync(() => definitions.DeleteAsync(definitionId, cancellationToken));

    public Task<TraceSettingsDto> GetSettingsAsync(CancellationToken cancellationToken = default) =>
        ServerApi.CallAsync(async () =>
        {
            var status = writer.Status;
            return new TraceSettingsDto((TracePrivacyDto)await privacy.GetAsync(cancellationToken), status.Queued, status.Dropped, status.DatabaseUnavailable,
                await privacy.GetContentRetentionAsync(cancellationToken));
        });

    public Task SetContentRetentionAsync(int? days, CancellationToken cancellationToken = default) =>
        ServerApi.CallAsync(() => privacy.SetContentRetentionAsync(days, cancellationToken));

    public Task SetPrivacyAsync(TracePrivacyDto level, CancellationToken cancellationToken = default) =>
        ServerApi.CallAsync(() => privacy.SetAsync((TracePrivacy)level, cancellationToken));

    public Task<IngestionResultDto> IngestAsync(IngestionBatchDto batch, CancellationToken cancellationToken = default) =>
        ServerApi.CallAsync(async () => (await ingestion.IngestAsync(batch.ToBatch(), cancellationToken)).ToDto());
}
