using System.Reflection;
using AiNative.Services.Models;
using AiNative.Services.Models.Offline;
using AiNative.Services.Platform.Audit;
using AiNative.Services.Platform.Errors;
using AiNative.Services.Prompts;
using AiNative.Services.Prompts.Templates;
using AiNative.Services.Teams;
using AiNative.Testing;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Tests.Prompts;

public sealed class PromptVersionsTests : IAsyncLifetime
{
    private ServicesHost _host = null!;
    private TeamScope _scope = null!;
    private Guid _promptId;

    public async ValueTask InitializeAsync()
    {
        _host = await ServicesHost.StartAsync();
        _scope = _host.InTeam(await _host.DemoTeamIdAsync(), TeamRole.Editor);
        _promptId = (await _scope.Get<PromptRegistry>().CreateAsync("Under test", null, TestContext.Current.CancellationToken)).Id;
    }

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _host.DisposeAsync();
    }

    private PromptVersions Versions => _scope.Get<PromptVersions>();

    [Fact]
    public async Task Versions_are_numbered_from_one_and_an_earlier_version_never_changes()
    {
        var first = await Versions.CreateAsync(_promptId, PromptInputs.Version(system: "One {{$context}}", commit: "First"), TestContext.Current.CancellationToken);
        var second = await Versions.CreateAsync(_promptId, PromptInputs.Version(system: "Two {{$context}}", commit: "Second"), TestContext.Current.CancellationToken);

        var reread = await Versions.GetAsync(_promptId, 1, TestContext.Current.CancellationToken);

        Assert.Equal((1, 2), (first.Number, second.Number));
        Assert.Equal(("One {{$context}}", "First", "Test User"), (reread.SystemTemplate, reread.CommitMessage, reread.CreatedBy));
    }

    [Fact]
    public void A_saved_version_offers_no_way_to_change_its_content()
    {
        // Only the team stamp (ITeamOwned) may be set after construction; everything else is init-only.
        var settable = typeof(PromptVersion).GetProperties()
            .Where(p => p.SetMethod is { IsPublic: true } setter
                && !setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(System.Runtime.CompilerServices.IsExternalInit)))
            .Select(p => p.Name);

        Assert.Equal([nameof(PromptVersion.TeamId)], settable);
        Assert.DoesNotContain(typeof(PromptVersions).GetMethods(BindingFlags.Public | BindingFlags.Instance), m => m.Name.StartsWith("Update", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Variables_come_from_the_templates_with_the_given_defaults_and_descriptions()
    {
        var version = await Versions.CreateAsync(
            _promptId,
            PromptInputs.Version(variables: new PromptVariable { Name = "QUESTION", DefaultValue = "Why?", Description = "  Asked by the user " }),
            TestContext.Current.CancellationToken);

        Assert.Equal(["context", "question"], version.Variables.Select(v => v.Name));
        Assert.Equal(new PromptVariable { Name = "question", DefaultValue = "Why?", Description = "Asked by the user" }, version.Variables[1]);
        Assert.Null(version.Variables[0].DefaultValue);
    }

    [Fact]
    public async Task A_template_that_does_not_parse_is_refused_with_its_place_and_nothing_is_saved()
    {
        var failure = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            Versions.CreateAsync(_promptId, PromptInputs.Version(user: "Line one\n{{$question"), TestContext.Current.CancellationToken));

        Assert.StartsWith("User template, line 2, column 1:", Assert.Single(failure.Errors[TemplateAnalyzer.UserTemplateField]));
        await AssertNoVersionsAsync();
    }

    [Fact]
    public async Task Duplicate_and_unused_variable_entries_are_refused()
    {
        var failure = await Assert.ThrowsAsync<ValidationFailedException>(() => Versions.CreateAsync(
            _promptId,
            PromptInputs.Version(variables: [new() { Name = "question" }, new() { Name = "Question" }, new() { Name = "tone" }]),
            TestContext.Current.CancellationToken));

        Assert.Equal(
            ["The variable 'Question' is listed more than once; keep one entry.", "The templates do not use 'tone'. Remove its entry, or use it as {{$tone}}."],
            failure.Errors["Variables"]);
        await AssertNoVersionsAsync();
    }

    [Fact]
    public async Task Settings_out_of_range_and_a_missing_commit_message_are_reported_together()
    {
        var settings = new GenerationSettings { Temperature = 2.5f, TopP = -0.1f, MaxOutputTokens = 0 };

        var failure = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            Versions.CreateAsync(_promptId, PromptInputs.Version(commit: "", settings: settings), TestContext.Current.CancellationToken));

        Assert.Equal(["CommitMessage", "MaxOutputTokens", "Temperature", "TopP"], failure.Errors.Keys.Order());
    }

    [Fact]
    public async Task The_model_must_be_one_of_the_teams_chat_models_and_bounds_the_output_tokens()
    {
        await using var db = await _scope.DbAsync();
        var chat = await db.Models.SingleAsync(m => m.Name == OfflineModels.ChatModelId, TestContext.Current.CancellationToken);
        var embedding = await db.Models.SingleAsync(m => m.Name == OfflineModels.EmbeddingModelId, TestContext.Current.CancellationToken);
        var tooMany = new GenerationSettings { MaxOutputTokens = chat.MaxOutputTokens + 1 };

        var embeddingRefused = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            Versions.CreateAsync(_promptId, PromptInputs.Version(modelId: embedding.Id), TestContext.Current.CancellationToken));
        var unknownRefused = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            Versions.CreateAsync(_promptId, PromptInputs.Version(modelId: Guid.NewGuid()), TestContext.Current.CancellationToken));
        var limitRefused = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            Versions.CreateAsync(_promptId, PromptInputs.Version(modelId: chat.Id, settings: tooMany), TestContext.Current.CancellationToken));
        var saved = await Versions.CreateAsync(_promptId, PromptInputs.Version(modelId: chat.Id, settings: new() { MaxOutputTokens = chat.MaxOutputTokens }), TestContext.Current.CancellationToken);

        Assert.Contains("is an embedding model", embeddingRefused.Errors["ModelId"][0]);
        Assert.Contains("not found in this team", unknownRefused.Errors["ModelId"][0]);
        Assert.Contains($"at most {chat.MaxOutputTokens} output tokens", limitRefused.Errors["MaxOutputTokens"][0]);
        Assert.Equal(chat.Id, saved.ModelId);
    }

    [Fact]
    public async Task Chat_models_are_offered_with_an_honest_note_for_the_built_in_one()
    {
        var choices = await Versions.ListChatModelsAsync(TestContext.Current.CancellationToken);

        var offline = Assert.Single(choices);
        Assert.Equal(OfflineModels.ChatModelId, offline.Name);
        Assert.Equal(OfflineModels.ChatDescription, offline.Note);
    }

    [Fact]
    public async Task A_saved_version_is_audited_with_its_commit_message()
    {
        var version = await Versions.CreateAsync(_promptId, PromptInputs.Version(commit: "Tighter wording"), TestContext.Current.CancellationToken);

        await using var db = await _scope.DbAsync();
        var entry = await db.AuditEntries.SingleAsync(a => a.ObjectKind == PromptVersions.AuditKind, TestContext.Current.CancellationToken);
        Assert.Equal((AuditAction.Created, version.Id.ToString(), "Under test v1", "Tighter wording", "Test User"),
            (entry.Action, entry.ObjectId, entry.ObjectName, entry.Summary, entry.ActorName));
    }

    [Fact]
    public async Task A_saved_version_renders_with_its_defaults_and_given_values()
    {
        await Versions.CreateAsync(_promptId, PromptInputs.Version(variables: new PromptVariable { Name = "context", DefaultValue = "Docs." }), TestContext.Current.CancellationToken);

        var rendered = await _scope.Get<PromptRenderer>().RenderVersionAsync(
            _promptId, 1, new Dictionary<string, string?> { ["question"] = "<b>Why?</b>" }, TestContext.Current.CancellationToken);

        Assert.Equal(("Answer from Docs..", "<b>Why?</b>"), (rendered.System, rendered.User));
    }

    private async Task AssertNoVersionsAsync()
    {
        await using var db = await _scope.DbAsync();
        Assert.False(await db.PromptVersions.AnyAsync(v => v.PromptId == _promptId, TestContext.Current.CancellationToken));
    }
}
