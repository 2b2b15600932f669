using AiNative.Services.Platform.Audit;
using AiNative.Services.Platform.Errors;
using AiNative.Services.Prompts;
using AiNative.Services.Teams;
using AiNative.Testing;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Tests.Prompts;

public sealed class PromptRegistryTests : IAsyncLifetime
{
    private ServicesHost _host = null!;
    private Guid _team;

    public async ValueTask InitializeAsync()
    {
        _host = await ServicesHost.StartAsync();
        _team = await _host.CreateTeamAsync("Prompt team");
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task A_duplicate_name_in_any_case_is_refused_with_a_sentence_and_nothing_is_added()
    {
        await using var scope = _host.InTeam(_team, TeamRole.Editor);
        var registry = scope.Get<PromptRegistry>();
        await registry.CreateAsync("Summarise ticket", null, TestContext.Current.CancellationToken);

        var conflict = await Assert.ThrowsAsync<ConflictException>(() => registry.CreateAsync(" summarise TICKET ", null, TestContext.Current.CancellationToken));

        Assert.Equal("A prompt named 'summarise TICKET' already exists in this team. Choose another name, or open the existing prompt.", conflict.Message);
        Assert.Single(await registry.ListAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Renaming_to_another_prompts_name_is_refused_but_a_prompt_may_keep_its_own()
    {
        await using var scope = _host.InTeam(_team, TeamRole.Editor);
        var registry = scope.Get<PromptRegistry>();
        var first = await registry.CreateAsync("First", null, TestContext.Current.CancellationToken);
        await registry.CreateAsync("Second", null, TestContext.Current.CancellationToken);

        await Assert.ThrowsAsync<ConflictException>(() => registry.UpdateAsync(first.Id, "Second", null, TestContext.Current.CancellationToken));
        var renamed = await registry.UpdateAsync(first.Id, "First", "Now with a description", TestContext.Current.CancellationToken);

        Assert.Equal("Now with a description", renamed.Description);
    }

    [Fact]
    public async Task A_missing_name_and_a_long_description_are_reported_together()
    {
        await using var scope = _host.InTeam(_team, TeamRole.Editor);

        var failure = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            scope.Get<PromptRegistry>().CreateAsync(" ", new string('x', PromptRules.DescriptionMaxLength + 1), TestContext.Current.CancellationToken));

        Assert.Equal(["Description", "Name"], failure.Errors.Keys.Order());
    }

    [Fact]
    public async Task The_list_shows_each_prompts_latest_version_and_labels()
    {
        await using var scope = _host.InTeam(_team, TeamRole.Editor);
        var prompt = await scope.Get<PromptRegistry>().CreateAsync("Classify", null, TestContext.Current.CancellationToken);
        await scope.Get<PromptRegistry>().CreateAsync("Empty", null, TestContext.Current.CancellationToken);
        var versions = scope.Get<PromptVersions>();
        await versions.CreateAsync(prompt.Id, PromptInputs.Version(), TestContext.Current.CancellationToken);
        await versions.CreateAsync(prompt.Id, PromptInputs.Version(), TestContext.Current.CancellationToken);
        await scope.Get<PromptLabels>().MoveAsync(prompt.Id, "staging", 2, TestContext.Current.CancellationToken);
        await scope.Get<PromptLabels>().MoveAsync(prompt.Id, "production", 1, TestContext.Current.CancellationToken);

        var list = await scope.Get<PromptRegistry>().ListAsync(TestContext.Current.CancellationToken);

        Assert.Equal(["Classify", "Empty"], list.Select(p => p.Name));
        Assert.Equal(2, list[0].LatestVersion);
        Assert.Equal([new LabelPointer("production", 1), new LabelPointer("staging", 2)], list[0].Labels);
        Assert.Null(list[1].LatestVersion);
    }

    [Fact]
    public async Task Another_teams_prompt_is_not_found_for_reading_or_deleting()
    {
        Guid theirs;
        await using (var other = _host.InTeam(await _host.CreateTeamAsync("Other"), TeamRole.Owner))
        {
            theirs = (await other.Get<PromptRegistry>().CreateAsync("Secret", null, TestContext.Current.CancellationToken)).Id;
        }

        await using var scope = _host.InTeam(_team, TeamRole.Owner);

        await Assert.ThrowsAsync<NotFoundException>(() => scope.Get<PromptRegistry>().GetAsync(theirs, TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<NotFoundException>(() => scope.Get<PromptRegistry>().DeleteAsync(theirs, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Deleting_a_prompt_removes_its_versions_and_labels_and_is_audited()
    {
        await using var scope = _host.InTeam(_team, TeamRole.Editor);
        var prompt = await scope.Get<PromptRegistry>().CreateAsync("Short lived", null, TestContext.Current.CancellationToken);
        await scope.Get<PromptVersions>().CreateAsync(prompt.Id, PromptInputs.Version(), TestContext.Current.CancellationToken);
        await scope.Get<PromptLabels>().MoveAsync(prompt.Id, "production", 1, TestContext.Current.CancellationToken);

        await scope.Get<PromptRegistry>().DeleteAsync(prompt.Id, TestContext.Current.CancellationToken);

        await using var db = await scope.DbAsync();
        Assert.False(await db.PromptVersions.AnyAsync(v => v.PromptId == prompt.Id, TestContext.Current.CancellationToken));
        Assert.False(await db.PromptLabels.AnyAsync(l => l.PromptId == prompt.Id, TestContext.Current.CancellationToken));
        var deleted = await db.AuditEntries.SingleAsync(a => a.ObjectKind == PromptRegistry.AuditKind && a.Action == AuditAction.Deleted, TestContext.Current.CancellationToken);
        Assert.Equal("deleted with 1 version(s)", deleted.Summary);
    }

    [Fact]
    public async Task A_viewer_may_read_but_every_change_is_refused()
    {
        Guid promptId;
        await using (var editor = _host.InTeam(_team, TeamRole.Editor))
        {
            promptId = (await editor.Get<PromptRegistry>().CreateAsync("Read only", null, TestContext.Current.CancellationToken)).Id;
            await editor.Get<PromptVersions>().CreateAsync(promptId, PromptInputs.Version(), TestContext.Current.CancellationToken);
        }

        await using var viewer = _host.InTeam(_team, TeamRole.Viewer);
        var ct = TestContext.Current.CancellationToken;

        Assert.Equal("Read only", (await viewer.Get<PromptRegistry>().GetAsync(promptId, ct)).Name);
        await Assert.ThrowsAsync<ForbiddenException>(() => viewer.Get<PromptRegistry>().CreateAsync("Mine", null, ct));
        await Assert.ThrowsAsync<ForbiddenException>(() => viewer.Get<PromptRegistry>().UpdateAsync(promptId, "Renamed", null, ct));
        await Assert.ThrowsAsync<ForbiddenException>(() => viewer.Get<PromptRegistry>().DeleteAsync(promptId, ct));
        await Assert.ThrowsAsync<ForbiddenException>(() => viewer.Get<PromptVersions>().CreateAsync(promptId, PromptInputs.Version(), ct));
        await Assert.ThrowsAsync<ForbiddenException>(() => viewer.Get<PromptLabels>().MoveAsync(promptId, "production", 1, ct));
        await Assert.ThrowsAsync<ForbiddenException>(() => viewer.Get<PromptLabels>().DeleteAsync(promptId, "production", ct));
    }
}
