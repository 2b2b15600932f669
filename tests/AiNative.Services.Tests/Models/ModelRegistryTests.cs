using System.Globalization;
using AiNative.Services.Models;
using AiNative.Services.Models.Offline;
using AiNative.Services.Models.Registry;
using AiNative.Services.Platform.Audit;
using AiNative.Services.Platform.Errors;
using AiNative.Services.Teams;
using AiNative.Testing;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Tests.Models;

public sealed class ModelRegistryTests : IAsyncLifetime
{
    private ServicesHost _host = null!;
    private TeamScope _scope = null!;
    private Guid _teamId;
    private ModelProvider _provider = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _host = await ServicesHost.StartAsync();
        _teamId = await _host.DemoTeamIdAsync();
        _scope = _host.InTeam(_teamId, TeamRole.Editor);
        _provider = await _scope.Get<ProviderRegistry>().CreateAsync(
            new ProviderInput { Name = "Local server", Kind = ProviderKind.OpenAICompatible, BaseUrl = "http://127.0.0.1:8000/v1" }, Cancel);
    }

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task Create_stores_a_chat_model_with_its_limits_prices_and_defaults_and_audits_it()
    {
        var model = await Registry.CreateAsync(Chat("GPT mini") with
        {
            DefaultSettings = new GenerationSettings { Temperature = 0.2f, MaxOutputTokens = 512 },
        }, Cancel);

        var stored = await Registry.GetAsync(model.Id, Cancel);
        Assert.Equal("gpt-4o-mini", stored.ProviderModelId);
        Assert.Equal("Local server", stored.Provider.Name);
        Assert.Equal(128_000, stored.ContextWindow);
        Assert.Equal(0.15m, stored.InputPricePerMillion);
        Assert.Equal(0.6m, stored.OutputPricePerMillion);
        Assert.Equal(0.2f, stored.DefaultSettings.Temperature);
        Assert.Equal(512, stored.DefaultSettings.MaxOutputTokens);
        await using var db = await _scope.DbAsync();
        var entry = await db.AuditEntries.SingleAsync(a => a.ObjectKind == "Model" && a.ObjectName == "GPT mini", Cancel);
        Assert.Contains("'gpt-4o-mini' of provider 'Local server'", entry.Summary);
    }

    [Fact]
    public async Task Every_invalid_field_is_reported_at_once_and_nothing_is_saved()
    {
        var before = await CountAsync();

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => Registry.CreateAsync(
            new ModelInput
            {
                ProviderId = Guid.NewGuid(),
                Name = "",
                ProviderModelId = " ",
                Kind = ModelKind.Chat,
                ContextWindow = 0,
                MaxOutputTokens = -1,
                InputPricePerMillion = -1m,
                OutputPricePerMillion = -0.01m,
                DefaultSettings = new GenerationSettings { Temperature = 2.5f, TopP = 1.5f, MaxOutputTokens = 0 },
            },
            Cancel));

        Assert.Equal(
            ["ContextWindow", "DefaultSettings.MaxOutputTokens", "DefaultSettings.Temperature", "DefaultSettings.TopP", "InputPricePerMillion",
             "MaxOutputTokens", "Name", "OutputPricePerMillion", "ProviderId", "ProviderModelId"],
            error.Errors.Keys.Order());
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Negative_prices_are_refused_with_a_message_for_each()
    {
        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => Registry.CreateAsync(
            Chat("Cheap") with { InputPricePerMillion = -0.5m, OutputPricePerMillion = -2m }, Cancel));

        Assert.Equal("The input price cannot be negative.", error.Errors["InputPricePerMillion"].Single());
        Assert.Equal("The output price cannot be negative.", error.Errors["OutputPricePerMillion"].Single());
    }

    [Fact]
    public async Task Prices_are_kept_exactly_to_ten_decimal_places_and_finer_ones_are_refused()
    {
        var model = await Registry.CreateAsync(Chat("Precise") with { InputPricePerMillion = 0.0000000001m, OutputPricePerMillion = 1234.5678901234m }, Cancel);
        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => Registry.CreateAsync(
            Chat("Too precise") with { InputPricePerMillion = 0.00000000001m }, Cancel));

        var stored = await Registry.GetAsync(model.Id, Cancel);
        Assert.Equal((0.0000000001m, 1234.5678901234m), (stored!.InputPricePerMillion, stored.OutputPricePerMillion));
        Assert.Equal("The input price can have at most 10 decimal places.", error.Errors["InputPricePerMillion"].Single());
    }

    [Fact]
    public async Task Max_output_beyond_the_context_window_and_defaults_beyond_max_output_are_refused()
    {
        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => Registry.CreateAsync(
            Chat("Small") with { ContextWindow = 4_096, MaxOutputTokens = 8_192, DefaultSettings = new GenerationSettings { MaxOutputTokens = 9_000 } }, Cancel));

        Assert.Contains("at most the context window (4,096)", error.Errors["MaxOutputTokens"].Single());
        Assert.Contains("at most the model's max output tokens (8,192)", error.Errors["DefaultSettings.MaxOutputTokens"].Single());
    }

    [Fact]
    public async Task An_embedding_model_needs_positive_dimensions_and_writes_no_output()
    {
        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => Registry.CreateAsync(
            Embedding("Embedder") with { EmbeddingDimensions = 0, MaxOutputTokens = 100 }, Cancel));
        var model = await Registry.CreateAsync(Embedding("Embedder") with { EmbeddingDimensions = 1_536 }, Cancel);

        Assert.Contains("at least 1", error.Errors["EmbeddingDimensions"].Single());
        Assert.Contains("write no answer", error.Errors["MaxOutputTokens"].Single());
        Assert.Equal(1_536, model.EmbeddingDimensions);
    }

    [Fact]
    public async Task A_chat_model_keeps_no_dimensions()
    {
        var model = await Registry.CreateAsync(Chat("Chatty") with { EmbeddingDimensions = 1_536 }, Cancel);

        Assert.Null((await Registry.GetAsync(model.Id, Cancel)).EmbeddingDimensions);
    }

    [Fact]
    public async Task A_duplicate_name_is_a_conflict_whatever_its_case()
    {
        await Registry.CreateAsync(Chat("Main model"), Cancel);

        var error = await Assert.ThrowsAsync<ConflictException>(() => Registry.CreateAsync(Chat("MAIN model"), Cancel));

        Assert.Equal("A model named 'MAIN model' already exists in this team. Choose another name.", error.Message);
    }

    [Fact]
    public async Task A_provider_of_another_team_cannot_serve_this_teams_model()
    {
        ModelProvider foreign;
        await using (var other = _host.InTeam(await _host.CreateTeamAsync("Other team"), TeamRole.Owner))
        {
            foreign = await other.Get<ProviderRegistry>().CreateAsync(
                new ProviderInput { Name = "Theirs", Kind = ProviderKind.Ollama }, Cancel);
        }

        var error = await Assert.ThrowsAsync<ValidationFailedException>(
            () => Registry.CreateAsync(Chat("Borrowed") with { ProviderId = foreign.Id }, Cancel));

        Assert.Equal("Pick a provider of this team.", error.Errors["ProviderId"].Single());
    }

    [Fact]
    public async Task The_offline_provider_serves_only_its_two_built_in_models()
    {
        var offline = await OfflineProviderAsync();

        var error = await Assert.ThrowsAsync<ValidationFailedException>(
            () => Registry.CreateAsync(Chat("Pretend GPT") with { ProviderId = offline.Id }, Cancel));
        var copy = await Registry.CreateAsync(
            Chat("Offline copy") with { ProviderId = offline.Id, ProviderModelId = OfflineModels.ChatModelId, InputPricePerMillion = 0, OutputPricePerMillion = 0 }, Cancel);

        Assert.Contains($"'{OfflineModels.ChatModelId}' (chat)", error.Errors["ProviderModelId"].Single());
        Assert.Equal(ProviderKind.Offline, (await Registry.GetAsync(copy.Id, Cancel)).Provider.Kind);
    }

    [Fact]
    public async Task The_list_can_be_filtered_by_kind()
    {
        await Registry.CreateAsync(Chat("Zeta chat"), Cancel);

        var chat = await Registry.ListAsync(ModelKind.Chat, Cancel);
        var embedding = await Registry.ListAsync(ModelKind.Embedding, Cancel);
        var all = await Registry.ListAsync(null, Cancel);

        Assert.Equal([OfflineModels.ChatModelId, "Zeta chat"], chat.Select(m => m.Name));
        Assert.Equal([OfflineModels.EmbeddingModelId], embedding.Select(m => m.Name));
        Assert.Equal(3, all.Count);
        Assert.All(all, m => Assert.NotNull(m.Provider));
    }

    [Fact]
    public async Task Update_changes_the_model_and_audits_each_changed_field()
    {
        var model = await Registry.CreateAsync(Chat("Main"), Cancel);

        await Registry.UpdateAsync(model.Id, Chat("Main") with { OutputPricePerMillion = 0.8m, ContextWindow = 64_000 }, Cancel);

        var stored = await Registry.GetAsync(model.Id, Cancel);
        Assert.Equal(0.8m, stored.OutputPricePerMillion);
        await using var db = await _scope.DbAsync();
        var summary = await db.AuditEntries.Where(a => a.ObjectName == "Main" && a.Action == AuditAction.Updated)
            .Select(a => a.Summary).SingleAsync(Cancel);
        Assert.Equal("context window: 128000 → 64000; output price: 0.6 → 0.8", summary);
    }

    [Fact]
    public async Task A_viewer_can_list_but_not_change_models()
    {
        var model = await Registry.CreateAsync(Chat("Main"), Cancel);
        await using var viewer = _host.InTeam(_teamId, TeamRole.Viewer);
        var registry = viewer.Get<ModelRegistry>();

        Assert.Contains(await registry.ListAsync(null, Cancel), m => m.Id == model.Id);
        await Assert.ThrowsAsync<ForbiddenException>(() => registry.CreateAsync(Chat("Mine"), Cancel));
        await Assert.ThrowsAsync<ForbiddenException>(() => registry.UpdateAsync(model.Id, Chat("Renamed"), Cancel));
        await Assert.ThrowsAsync<ForbiddenException>(() => registry.DeleteAsync(model.Id, Cancel));
    }

    [Fact]
    public async Task Deleting_an_unused_model_removes_it()
    {
        var model = await Registry.CreateAsync(Chat("Temporary"), Cancel);

        await Registry.DeleteAsync(model.Id, Cancel);

        await Assert.ThrowsAsync<NotFoundException>(() => Registry.GetAsync(model.Id, Cancel));
    }

    [Fact]
    public async Task Deleting_a_model_that_is_in_use_is_a_conflict_that_says_where_to_look()
    {
        var model = await Registry.CreateAsync(Chat("Used"), Cancel);
        await using (var db = await _scope.DbAsync())
        {
            // Stands in for the features that refer to models with a restricted foreign key (prompt versions, knowledge bases).
            var idType = db.Database.IsSqlite() ? "TEXT" : "uuid";
            await db.Database.ExecuteSqlRawAsync(
                string.Format(CultureInfo.InvariantCulture, """CREATE TABLE "ModelUsers" ("ModelId" {0} NOT NULL REFERENCES "Models" ("Id") ON DELETE RESTRICT)""", idType),
                Cancel);
            await db.Database.ExecuteSqlAsync($"""INSERT INTO "ModelUsers" ("ModelId") SELECT "Id" FROM "Models" WHERE "Name" = 'Used'""", Cancel);
        }

        var error = await Assert.ThrowsAsync<ConflictException>(() => Registry.DeleteAsync(model.Id, Cancel));

        Assert.Contains("Model 'Used' is in use", error.Message);
        Assert.Contains("Prompts and Knowledge pages", error.Message);
        Assert.NotNull(await Registry.GetAsync(model.Id, Cancel));
    }

    [Fact]
    public async Task Another_teams_model_is_not_found()
    {
        Guid foreign;
        await using (var other = _host.InTeam(await _host.CreateTeamAsync("Other team"), TeamRole.Owner))
        {
            foreign = (await other.AddOpenAiCompatibleModelAsync("http://127.0.0.1:8000/v1", "their-model")).Id;
        }

        await Assert.ThrowsAsync<NotFoundException>(() => Registry.GetAsync(foreign, Cancel));
        await Assert.ThrowsAsync<NotFoundException>(() => Registry.UpdateAsync(foreign, Chat("Mine now"), Cancel));
        await Assert.ThrowsAsync<NotFoundException>(() => Registry.DeleteAsync(foreign, Cancel));
    }

    private ModelRegistry Registry => _scope.Get<ModelRegistry>();

    private ModelInput Chat(string name) => new()
    {
        ProviderId = _provider.Id,
        Name = name,
        ProviderModelId = "gpt-4o-mini",
        Kind = ModelKind.Chat,
        ContextWindow = 128_000,
        MaxOutputTokens = 16_384,
        InputPricePerMillion = 0.15m,
        OutputPricePerMillion = 0.6m,
    };

    private ModelInput Embedding(string name) => new()
    {
        ProviderId = _provider.Id,
        Name = name,
        ProviderModelId = "text-embedding-3-small",
        Kind = ModelKind.Embedding,
        ContextWindow = 8_191,
        InputPricePerMillion = 0.02m,
    };

    private async Task<ModelProvider> OfflineProviderAsync() =>
        (await _scope.Get<ProviderRegistry>().ListAsync(Cancel)).Single(p => p.Kind == ProviderKind.Offline);

    private async Task<int> CountAsync()
    {
        await using var db = await _scope.DbAsync();
        return await db.Models.CountAsync(Cancel);
    }
}
