using AiNative.Services.Models;
using AiNative.Services.Models.Invocation;
using AiNative.Services.Models.Offline;
using AiNative.Services.Models.Pipeline;
using AiNative.Services.Models.Registry;
using AiNative.Services.Platform.AccessTokens;
using AiNative.Services.Platform.Caching;
using AiNative.Services.Platform.Errors;
using AiNative.Services.Platform.Replicas;
using AiNative.Services.Traces;
using AiNative.Testing;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AiNative.Services.Tests.Platform.Replicas;

/// <summary>What one replica caches of the database follows a change made on another, always on PostgreSQL.</summary>
public sealed class ReplicaCacheTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_model_repriced_on_one_replica_is_charged_anew_on_the_other_and_once_deleted_is_refused_there()
    {
        await using var replicas = await TwoReplicas.StartAsync();
        var team = await replicas.A.DemoTeamIdAsync();
        await using var a = replicas.A.InTeam(team);
        await using var b = replicas.B.InTeam(team);
        var provider = (await a.OfflineModelAsync(OfflineModels.ChatModelId)).ProviderId;
        var model = await a.Get<ModelRegistry>().CreateAsync(Chat(provider, price: 0), Cancel);
        Assert.Equal(0m, (await CallAsync(b, model.Id)).Cost);

        await a.Get<ModelRegistry>().UpdateAsync(model.Id, Chat(provider, price: ModelRules.MaxPricePerMillion), Cancel);
        await Poll.TrueAsync("a new price on the other replica", async () => (await CallAsync(b, model.Id)).Cost > 0);
        await a.Get<ModelRegistry>().DeleteAsync(model.Id, Cancel);
        await Poll.TrueAsync("a deleted model refused on the other replica", async () => await IsRefusedAsync(b, model.Id));
    }

    [Fact]
    public async Task A_token_revoked_on_one_replica_is_refused_on_the_other_before_its_cache_would_expire()
    {
        // B's access cache never expires by age: only the message can empty it.
        var stoppedClock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var replicas = await TwoReplicas.StartAsync(
            configureB: services => services.AddSingleton(p => new AccessCache(stoppedClock, p.GetRequiredService<ReplicaChannel>())));
        var user = await replicas.A.CreateUserAsync("dev@example.com");
        await using var a = replicas.A.WithoutTeam();
        await using var b = replicas.B.WithoutTeam();
        var created = await a.Get<PersonalAccessTokens>().CreateAsync(user.Id, "CI pipeline", 30, Cancel);
        Assert.Equal(AccessTokenStatus.Valid, (await b.Get<PersonalAccessTokens>().CheckAsync(created.Secret, Cancel)).Status);

        await a.Get<PersonalAccessTokens>().RevokeAsync(user.Id, created.Token.Id, Cancel);

        await Poll.TrueAsync("a revoked token refused on the other replica", async () =>
            (await b.Get<PersonalAccessTokens>().CheckAsync(created.Secret, Cancel)).Status == AccessTokenStatus.InvalidOrRevoked);
    }

    [Fact]
    public async Task A_teams_trace_privacy_changed_on_one_replica_applies_to_the_next_trace_on_the_other()
    {
        await using var replicas = await TwoReplicas.StartAsync();
        var team = await replicas.A.DemoTeamIdAsync();
        await using var a = replicas.A.InTeam(team);
        var onB = replicas.B.Services.GetRequiredService<TracePrivacySettings>();
        Assert.Equal(TracePrivacy.Full, await onB.GetAsync(team, Cancel));

        await a.Get<TracePrivacyPolicy>().SetAsync(TracePrivacy.MetadataOnly, Cancel);

        await Poll.TrueAsync("a team's trace privacy on the other replica", async () => await onB.GetAsync(team, Cancel) == TracePrivacy.MetadataOnly);
    }

    [Fact]
    public async Task A_model_changed_while_the_other_replicas_listener_was_cut_off_is_read_again_there_once_it_listens_again()
    {
        await using var replicas = await TwoReplicas.StartAsync();
        var team = await replicas.A.DemoTeamIdAsync();
        await using var a = replicas.A.InTeam(team);
        await using var b = replicas.B.InTeam(team);
        var model = await a.OfflineModelAsync(OfflineModels.ChatModelId);
        Assert.NotNull(await b.Get<ModelLookup>().FindAsync(model.Id, Cancel));

        // The listeners die, and the rename's message goes out before they connect again (half a second later at the earliest).
        await replicas.TerminateListenersAsync();
        await replicas.QueryAsync("""UPDATE "Models" SET "Name" = 'Renamed elsewhere' WHERE "Id" = $1""", model.Id);
        replicas.A.Services.GetRequiredService<ModelCatalog>().Invalidate(team);

        await Poll.TrueAsync("a change missed by the listener seen after it listens again", async () =>
            (await b.Get<ModelLookup>().FindAsync(model.Id, Cancel))?.Name == "Renamed elsewhere");
    }

    private static ModelInput Chat(Guid providerId, decimal price) => new()
    {
        ProviderId = providerId,
        Name = "Replicated chat",
        ProviderModelId = OfflineModels.ChatModelId,
        Kind = ModelKind.Chat,
        ContextWindow = OfflineModels.ContextWindow,
        MaxOutputTokens = OfflineModels.MaxOutputTokens,
        InputPricePerMillion = price,
        OutputPricePerMillion = price,
    };

    private static Task<InvocationResult> CallAsync(TeamScope scope, Guid modelId) =>
        scope.Get<ModelInvoker>().InvokeAsync(
            new ChatInvocation { ModelId = modelId, Messages = [new(ChatRole.User, "How are prompts kept?")], Source = TraceSource.Playground },
            Cancel);

    private static async Task<bool> IsRefusedAsync(TeamScope scope, Guid modelId)
    {
        try
        {
            await CallAsync(scope, modelId);
            return false;
        }
        catch (NotFoundException)
        {
            return true;
        }
    }
}
