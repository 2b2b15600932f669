using AiNative.Services.Models;
using AiNative.Services.Models.Network;
using AiNative.Services.Models.Offline;
using AiNative.Services.Models.Registry;
using AiNative.Services.Platform.Audit;
using AiNative.Services.Platform.Errors;
using AiNative.Services.Platform.Secrets;
using AiNative.Services.Teams;
using AiNative.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AiNative.Services.Tests.Models;

public sealed class ProviderRegistryTests : IAsyncLifetime
{
    private const string Key = "sk-live-secret-0123456789";
    private const string OtherKey = "sk-live-other-9876543210";

    private ServicesHost _host = null!;
    private TeamScope _scope = null!;
    private Guid _teamId;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _host = await ServicesHost.StartAsync();
        _teamId = await _host.DemoTeamIdAsync();
        _scope = _host.InTeam(_teamId, TeamRole.Editor);
    }

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task Create_stores_the_provider_with_the_kinds_default_url_a_key_hint_and_an_audit_entry()
    {
        var provider = await Registry.CreateAsync(new ProviderInput { Name = " OpenAI ", Kind = ProviderKind.OpenAI, ApiKey = Key }, Cancel);

        Assert.Equal("OpenAI", provider.Name);
        Assert.Equal(ModelClientFactory.OpenAIDefaultBaseUrl, provider.BaseUrl);
        Assert.Equal("••••6789", provider.ApiKeyHint);
        Assert.Equal(ProviderRules.DefaultTimeoutSeconds, provider.TimeoutSeconds);
        var entry = Assert.Single(await AuditSummariesAsync("OpenAI"));
        Assert.Contains("API key set", entry);
        Assert.DoesNotContain(Key, entry);
    }

    [Fact]
    public async Task Ollama_defaults_to_the_local_server_and_azure_takes_its_v1_endpoint()
    {
        var ollama = await Registry.CreateAsync(new ProviderInput { Name = "Ollama", Kind = ProviderKind.Ollama }, Cancel);
        var azure = await Registry.CreateAsync(
            new ProviderInput { Name = "Azure", Kind = ProviderKind.AzureOpenAI, BaseUrl = "https://contoso.openai.azure.com/openai/v1/", ApiKey = Key }, Cancel);

        Assert.Equal(ModelClientFactory.OllamaDefaultBaseUrl, ollama.BaseUrl);
        Assert.Equal("https://contoso.openai.azure.com/openai/v1/", azure.BaseUrl);
    }

    [Fact]
    public async Task Every_invalid_field_is_reported_at_once_and_nothing_is_saved()
    {
        var before = await CountsAsync();

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => Registry.CreateAsync(
            new ProviderInput { Name = " ", Kind = ProviderKind.OpenAICompatible, BaseUrl = "localhost:11434", TimeoutSeconds = 0 }, Cancel));

        Assert.Equal(["BaseUrl", "Name", "TimeoutSeconds"], error.Errors.Keys.Order());
        Assert.Equal("Enter a name.", error.Errors["Name"].Single());
        Assert.Contains("between 1 and 600 seconds", error.Errors["TimeoutSeconds"].Single());
        Assert.Equal(before, await CountsAsync());
    }

    [Theory]
    [InlineData(ProviderKind.OpenAICompatible, "", "Enter the server's base URL")]
    [InlineData(ProviderKind.OpenAICompatible, "ftp://models.example.com/v1", "absolute http or https URL")]
    [InlineData(ProviderKind.OpenAICompatible, "not a url", "absolute http or https URL")]
    [InlineData(ProviderKind.OpenAICompatible, "http://ada:secret@localhost:8000/v1", "enter the key in the API key field")]
    [InlineData(ProviderKind.OpenAICompatible, "http://localhost:8000/v1?api-key=1", "no query or fragment")]
    [InlineData(ProviderKind.AzureOpenAI, "", "https://<resource>.openai.azure.com/openai/v1/")]
    [InlineData(ProviderKind.AzureOpenAI, "https://contoso.openai.azure.com/", "v1 endpoint")]
    [InlineData(ProviderKind.AzureOpenAI, "http://contoso.openai.azure.com/openai/v1/", "v1 endpoint over https")]
    [InlineData(ProviderKind.OpenAICompatible, "http://169.254.169.254/v1", "Portal:Security:AllowLinkLocalProviders=true")]
    [InlineData(ProviderKind.Ollama, "http://metadata.google.internal", "cloud metadata")]
    public async Task A_base_url_that_cannot_work_is_refused_with_what_to_enter(ProviderKind kind, string baseUrl, string expected)
    {
        var error = await Assert.ThrowsAsync<ValidationFailedException>(
            () => Registry.CreateAsync(new ProviderInput { Name = "Server", Kind = kind, BaseUrl = baseUrl }, Cancel));

        Assert.Contains(expected, error.Errors["BaseUrl"].Single());
    }

    [Fact]
    public async Task An_administrator_can_allow_link_local_provider_addresses()
    {
        await using var host = await ServicesHost.StartAsync(
            services => services.Configure<ProviderAddressOptions>(o => o.AllowLinkLocalProviders = true));
        await using var scope = host.InTeam(await host.DemoTeamIdAsync(), TeamRole.Editor);

        var provider = await scope.Get<ProviderRegistry>().CreateAsync(
            new ProviderInput { Name = "Link-local server", Kind = ProviderKind.OpenAICompatible, BaseUrl = "http://169.254.10.20:8000/v1" }, Cancel);

        Assert.Equal("http://169.254.10.20:8000/v1", provider.BaseUrl);
    }

    [Fact]
    public async Task A_duplicate_name_in_the_team_is_a_conflict_whatever_its_case_but_another_team_may_use_it()
    {
        await Registry.CreateAsync(Compatible("Local vLLM"), Cancel);

        var error = await Assert.ThrowsAsync<ConflictException>(() => Registry.CreateAsync(Compatible("local VLLM"), Cancel));

        Assert.Equal("A provider named 'local VLLM' already exists in this team. Choose another name.", error.Message);
        await using var other = _host.InTeam(await _host.CreateTeamAsync("Other team"), TeamRole.Editor);
        await other.Get<ProviderRegistry>().CreateAsync(Compatible("Local vLLM"), Cancel);
    }

    [Fact]
    public async Task Renaming_onto_another_providers_name_is_a_conflict()
    {
        await Registry.CreateAsync(Compatible("First"), Cancel);
        var second = await Registry.CreateAsync(Compatible("Second"), Cancel);

        await Assert.ThrowsAsync<ConflictException>(() => Registry.UpdateAsync(second.Id, Compatible("First"), Cancel));
        Assert.Equal("Second", (await Registry.GetAsync(second.Id, Cancel)).Name);
    }

    [Fact]
    public async Task The_api_key_is_encrypted_at_rest()
    {
        await Registry.CreateAsync(Compatible("Keyed") with { ApiKey = Key }, Cancel);

        await using var db = await _scope.DbAsync();
        var stored = await db.Database
            .SqlQuery<string>($"SELECT \"ProtectedApiKey\" AS \"Value\" FROM \"ModelProviders\" WHERE \"Name\" = 'Keyed'")
            .SingleAsync(Cancel);
        Assert.DoesNotContain(Key, stored);
        Assert.DoesNotContain("0123456789", stored);
        Assert.Equal(Key, _scope.Get<SecretProtector>().Unprotect(stored));
    }

    [Fact]
    public async Task An_update_without_a_key_keeps_it_a_new_key_replaces_it_and_clearing_removes_it()
    {
        var provider = await Registry.CreateAsync(Compatible("Keyed") with { ApiKey = Key }, Cancel);

        await Registry.UpdateAsync(provider.Id, Compatible("Keyed") with { TimeoutSeconds = 30 }, Cancel);
        Assert.Equal(Key, await StoredKeyAsync(provider.Id));

        await Registry.UpdateAsync(provider.Id, Compatible("Keyed") with { TimeoutSeconds = 30, ApiKey = OtherKey }, Cancel);
        Assert.Equal(OtherKey, await StoredKeyAsync(provider.Id));
        Assert.Equal("••••3210", (await Registry.GetAsync(provider.Id, Cancel)).ApiKeyHint);

        await Registry.UpdateAsync(provider.Id, Compatible("Keyed") with { TimeoutSeconds = 30, ClearApiKey = true }, Cancel);
        var cleared = await Registry.GetAsync(provider.Id, Cancel);
        Assert.Null(cleared.ProtectedApiKey);
        Assert.Null(cleared.ApiKeyHint);

        var summaries = await AuditSummariesAsync("Keyed");
        Assert.Equal(["API key set", "timeout: 100 → 30", "API key replaced", "API key removed"], summaries.Select(s => s.Split("; ")[^1]));
        Assert.All(summaries, s => Assert.DoesNotContain("sk-live", s));
    }

    [Fact]
    public async Task Moving_a_provider_to_another_address_needs_its_key_again_so_the_key_cannot_be_sent_elsewhere()
    {
        var provider = await Registry.CreateAsync(Compatible("Keyed") with { ApiKey = Key }, Cancel);
        var elsewhere = Compatible("Keyed") with { BaseUrl = "http://10.1.2.3:8000/v1" };

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => Registry.UpdateAsync(provider.Id, elsewhere, Cancel));
        Assert.Contains("Enter the key again", refused.Errors["ApiKey"].Single());
        Assert.Equal(provider.BaseUrl, (await Registry.GetAsync(provider.Id, Cancel)).BaseUrl);

        await Registry.UpdateAsync(provider.Id, elsewhere with { ApiKey = OtherKey }, Cancel);
        Assert.Equal(OtherKey, await StoredKeyAsync(provider.Id));
        var moved = await Registry.CreateAsync(Compatible("Moved") with { ApiKey = Key }, Cancel);
        await Registry.UpdateAsync(moved.Id, Compatible("Moved") with { BaseUrl = "http://10.1.2.3:8000/v1", ClearApiKey = true }, Cancel);
        Assert.Null((await Registry.GetAsync(moved.Id, Cancel)).ProtectedApiKey);
    }

    [Fact]
    public async Task A_new_key_and_removing_the_key_together_are_refused()
    {
        var error = await Assert.ThrowsAsync<ValidationFailedException>(
            () => Registry.CreateAsync(Compatible("Both") with { ApiKey = Key, ClearApiKey = true }, Cancel));

        Assert.Contains("not both", error.Errors["ApiKey"].Single());
    }

    [Fact]
    public async Task The_offline_provider_takes_no_key_and_no_url()
    {
        var error = await Assert.ThrowsAsync<ValidationFailedException>(
            () => Registry.CreateAsync(new ProviderInput { Name = "Offline 2", Kind = ProviderKind.Offline, ApiKey = Key }, Cancel));
        var offline = await Registry.CreateAsync(
            new ProviderInput { Name = "Offline 2", Kind = ProviderKind.Offline, BaseUrl = "http://ignored" }, Cancel);

        Assert.Contains("takes no API key", error.Errors["ApiKey"].Single());
        Assert.Null(offline.BaseUrl);
    }

    [Fact]
    public async Task A_viewer_can_read_but_not_change_providers()
    {
        var provider = await Registry.CreateAsync(Compatible("Shared"), Cancel);
        await using var viewer = _host.InTeam(_teamId, TeamRole.Viewer);
        var registry = viewer.Get<ProviderRegistry>();

        Assert.Contains(await registry.ListAsync(Cancel), p => p.Name == "Shared");
        await Assert.ThrowsAsync<ForbiddenException>(() => registry.CreateAsync(Compatible("Mine"), Cancel));
        await Assert.ThrowsAsync<ForbiddenException>(() => registry.UpdateAsync(provider.Id, Compatible("Renamed"), Cancel));
        await Assert.ThrowsAsync<ForbiddenException>(() => registry.DeleteAsync(provider.Id, Cancel));
    }

    [Fact]
    public async Task Deleting_a_provider_that_still_has_models_is_a_conflict_that_names_them()
    {
        var offline = (await Registry.ListAsync(Cancel)).Single(p => p.Kind == ProviderKind.Offline);

        var error = await Assert.ThrowsAsync<ConflictException>(() => Registry.DeleteAsync(offline.Id, Cancel));

        Assert.Contains($"'{OfflineModels.ChatModelId}'", error.Message);
        Assert.Contains("Delete them, or move them to another provider, first.", error.Message);
        Assert.NotNull(await Registry.GetAsync(offline.Id, Cancel));
    }

    [Fact]
    public async Task A_provider_with_models_cannot_turn_into_or_out_of_the_offline_provider()
    {
        var offline = (await Registry.ListAsync(Cancel)).Single(p => p.Kind == ProviderKind.Offline);

        var error = await Assert.ThrowsAsync<ConflictException>(() => Registry.UpdateAsync(offline.Id, Compatible(offline.Name), Cancel));

        Assert.Contains("cannot switch to or from the built-in offline provider", error.Message);
    }

    [Fact]
    public async Task Deleting_an_empty_provider_removes_it_and_records_who_did_it()
    {
        var provider = await Registry.CreateAsync(Compatible("Short-lived") with { ApiKey = Key }, Cancel);

        await Registry.DeleteAsync(provider.Id, Cancel);

        await Assert.ThrowsAsync<NotFoundException>(() => Registry.GetAsync(provider.Id, Cancel));
        await using var db = await _scope.DbAsync();
        var deleted = await db.AuditEntries.SingleAsync(a => a.ObjectName == "Short-lived" && a.Action == AuditAction.Deleted, Cancel);
        Assert.Equal("Test User", deleted.ActorName);
    }

    [Fact]
    public async Task Another_teams_provider_is_not_found()
    {
        Guid foreign;
        await using (var other = _host.InTeam(await _host.CreateTeamAsync("Other team"), TeamRole.Owner))
        {
            foreign = (await other.Get<ProviderRegistry>().CreateAsync(Compatible("Theirs"), Cancel)).Id;
        }

        await Assert.ThrowsAsync<NotFoundException>(() => Registry.GetAsync(foreign, Cancel));
        await Assert.ThrowsAsync<NotFoundException>(() => Registry.UpdateAsync(foreign, Compatible("Mine now"), Cancel));
        await Assert.ThrowsAsync<NotFoundException>(() => Registry.DeleteAsync(foreign, Cancel));
    }

    private ProviderRegistry Registry => _scope.Get<ProviderRegistry>();

    private static ProviderInput Compatible(string name) =>
        new() { Name = name, Kind = ProviderKind.OpenAICompatible, BaseUrl = "http://127.0.0.1:8000/v1" };

    private async Task<string?> StoredKeyAsync(Guid providerId)
    {
        var stored = (await Registry.GetAsync(providerId, Cancel)).ProtectedApiKey;
        return stored is null ? null : _scope.Get<SecretProtector>().Unprotect(stored);
    }

    private async Task<List<string>> AuditSummariesAsync(string objectName)
    {
        await using var db = await _scope.DbAsync();
        return await db.AuditEntries.Where(a => a.ObjectName == objectName).OrderBy(a => a.At).ThenBy(a => a.Id)
            .Select(a => a.Summary).ToListAsync(Cancel);
    }

    private async Task<(int Providers, int AuditEntries)> CountsAsync()
    {
        await using var db = await _scope.DbAsync();
        return (await db.ModelProviders.CountAsync(Cancel), await db.AuditEntries.CountAsync(Cancel));
    }
}
