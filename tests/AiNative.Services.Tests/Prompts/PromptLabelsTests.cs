using AiNative.Services.Platform.Audit;
using AiNative.Services.Platform.Errors;
using AiNative.Services.Prompts;
using AiNative.Services.Teams;
using AiNative.Testing;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Tests.Prompts;

public sealed class PromptLabelsTests : IAsyncLifetime
{
    private ServicesHost _host = null!;
    private TeamScope _scope = null!;
    private Guid _promptId;

    public async ValueTask InitializeAsync()
    {
        _host = await ServicesHost.StartAsync();
        _scope = _host.InTeam(await _host.CreateTeamAsync("Label team"), TeamRole.Editor);
        _promptId = (await _scope.Get<PromptRegistry>().CreateAsync("Labelled", null, TestContext.Current.CancellationToken)).Id;
        await _scope.Get<PromptVersions>().CreateAsync(_promptId, PromptInputs.Version(), TestContext.Current.CancellationToken);
        await _scope.Get<PromptVersions>().CreateAsync(_promptId, PromptInputs.Version(), TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _host.DisposeAsync();
    }

    private PromptLabels Labels => _scope.Get<PromptLabels>();

    [Fact]
    public async Task Moving_a_label_creates_it_then_moves_it_and_audits_both()
    {
        await Labels.MoveAsync(_promptId, "production", 1, TestContext.Current.CancellationToken);
        var moved = await Labels.MoveAsync(_promptId, "production", 2, TestContext.Current.CancellationToken);

        var prompt = await _scope.Get<PromptRegistry>().GetAsync(_promptId, TestContext.Current.CancellationToken);
        Assert.Equal(2, moved.Version.Number);
        Assert.Equal(("production", 2), (Assert.Single(prompt.Labels).Name, prompt.Labels[0].Version.Number));
        await using var db = await _scope.DbAsync();
        var entries = await db.AuditEntries.Where(a => a.ObjectKind == PromptLabels.AuditKind).OrderBy(a => a.At).ThenBy(a => a.Id)
            .Select(a => new { a.Action, a.Summary }).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal([new { Action = AuditAction.Created, Summary = "points at v1" }, new { Action = AuditAction.Updated, Summary = "moved from v1 to v2" }], entries);
    }

    [Theory]
    [InlineData("Production", "not a valid label name")]
    [InlineData("-canary", "not a valid label name")]
    [InlineData("a-label-name-that-is-far-too-long-to-keep", "not a valid label name")]
    [InlineData("latest", "always means the newest version")]
    [InlineData(" ", "Enter a label name")]
    public async Task Bad_label_names_are_refused_with_the_rule(string name, string message)
    {
        var failure = await Assert.ThrowsAsync<ValidationFailedException>(() => Labels.MoveAsync(_promptId, name, 1, TestContext.Current.CancellationToken));

        Assert.Contains(message, failure.Errors["Name"][0]);
    }

    [Fact]
    public async Task Custom_labels_may_point_at_any_version()
    {
        var label = await Labels.MoveAsync(_promptId, "canary-2", 1, TestContext.Current.CancellationToken);

        Assert.Equal(1, label.Version.Number);
    }

    [Fact]
    public async Task A_label_cannot_point_at_a_version_that_does_not_exist()
    {
        var failure = await Assert.ThrowsAsync<ValidationFailedException>(() => Labels.MoveAsync(_promptId, "staging", 7, TestContext.Current.CancellationToken));

        Assert.Equal("'Labelled' has no version 7. Pick one of its versions.", failure.Errors["Version"][0]);
    }

    [Fact]
    public async Task Deleting_a_label_leaves_the_version_and_is_audited()
    {
        await Labels.MoveAsync(_promptId, "staging", 2, TestContext.Current.CancellationToken);

        await Labels.DeleteAsync(_promptId, "staging", TestContext.Current.CancellationToken);

        var prompt = await _scope.Get<PromptRegistry>().GetAsync(_promptId, TestContext.Current.CancellationToken);
        Assert.Empty(prompt.Labels);
        Assert.Equal(2, prompt.Versions.Count);
        await Assert.ThrowsAsync<NotFoundException>(() => Labels.DeleteAsync(_promptId, "staging", TestContext.Current.CancellationToken));
        await using var db = await _scope.DbAsync();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.ObjectKind == PromptLabels.AuditKind && a.Action == AuditAction.Deleted, TestContext.Current.CancellationToken));
    }
}
