using AiNative.Services.Datasets;
using AiNative.Services.Platform.Errors;
using AiNative.Services.Teams;
using AiNative.Testing;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Tests.Datasets;

public sealed class DatasetVersioningTests : IAsyncLifetime
{
    private ServicesHost _host = null!;
    private Guid _team;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _host = await ServicesHost.StartAsync();
        _team = await _host.CreateTeamAsync("Dataset team");
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task Every_change_makes_a_version_and_every_older_version_still_reads_as_it_was()
    {
        await using var scope = _host.InTeam(_team, TeamRole.Editor);
        var dataset = await scope.CreateDatasetAsync();
        var items = scope.Get<DatasetItems>();

        var first = await items.AddAsync(dataset.Id, DatasetArrangements.Question("one", "1"), Cancel);
        var second = await items.AddAsync(dataset.Id, DatasetArrangements.Question("two"), Cancel);
        await items.UpdateAsync(dataset.Id, first.ItemId, DatasetArrangements.Question("one, edited", "1!"), Cancel);
        await items.AddAsync(dataset.Id, DatasetArrangements.Question("three"), Cancel);
        var deleted = await items.DeleteAsync(dataset.Id, [second.ItemId], Cancel);

        Assert.Equal((5, 2), (deleted.Number, deleted.ItemCount));
        Assert.Equal(["one"], await scope.QuestionsAsync(dataset.Id, 1));
        Assert.Equal(["one", "two"], await scope.QuestionsAsync(dataset.Id, 2));
        Assert.Equal(["one, edited", "two"], await scope.QuestionsAsync(dataset.Id, 3));
        Assert.Equal(["one, edited", "two", "three"], await scope.QuestionsAsync(dataset.Id, 4));
        Assert.Equal(["one, edited", "three"], await scope.QuestionsAsync(dataset.Id));
        var details = await scope.Get<DatasetRegistry>().GetAsync(dataset.Id, Cancel);
        Assert.Equal((5, 2), (details.CurrentVersion, details.ItemCount));
        Assert.Equal([5, 4, 3, 2, 1], details.Versions.Select(v => v.Number));
        Assert.Equal(["Deleted 1 item", "Added item #3", "Edited item #1", "Added item #2", "Added item #1"], details.Versions.Select(v => v.Summary));

        // The edited item keeps its identity and place; version 2 still has its old content.
        var old = await items.GetAsync(dataset.Id, first.ItemId, 2, Cancel);
        var now = await items.GetAsync(dataset.Id, first.ItemId, null, Cancel);
        Assert.Equal(("1", "1!"), (old.ExpectedOutput, now.ExpectedOutput));
        Assert.Equal(old.Position, now.Position);
        await Assert.ThrowsAsync<NotFoundException>(() => items.GetAsync(dataset.Id, second.ItemId, null, Cancel));
    }

    [Fact]
    public async Task A_change_writes_only_what_it_changes()
    {
        await using var scope = _host.InTeam(_team, TeamRole.Editor);
        var dataset = await scope.CreateDatasetAsync();
        await scope.ImportAsync(dataset.Id, "many.csv", "question\n" + string.Join("\n", Enumerable.Range(1, 500).Select(i => $"q{i}")));
        var page = await scope.Get<DatasetItems>().ListAsync(dataset.Id, new DatasetItemQuery { PageSize = 1 }, Cancel);

        await scope.Get<DatasetItems>().UpdateAsync(dataset.Id, page.Items[0].ItemId, DatasetArrangements.Question("changed"), Cancel);

        await using var db = await scope.DbAsync();
        Assert.Equal(501, await db.DatasetItems.CountAsync(i => i.DatasetId == dataset.Id, Cancel));
    }

    [Fact]
    public async Task Pages_of_a_large_version_come_in_order_with_the_versions_count()
    {
        await using var scope = _host.InTeam(_team, TeamRole.Editor);
        var dataset = await scope.CreateDatasetAsync();
        await scope.ImportAsync(dataset.Id, "many.csv", "question\n" + string.Join("\n", Enumerable.Range(1, 120).Select(i => $"q{i}")));

        var third = await scope.Get<DatasetItems>().ListAsync(dataset.Id, new DatasetItemQuery { Page = 3, PageSize = 50 }, Cancel);
        var search = await scope.Get<DatasetItems>().ListAsync(dataset.Id, new DatasetItemQuery { Search = "Q11", PageSize = 50 }, Cancel);

        Assert.Equal((120, 1, 20), (third.Total, third.Version, third.Items.Count));
        Assert.Equal(101, third.Items[0].Position);
        Assert.Equal(["q11", "q110", "q111", "q112", "q113", "q114", "q115", "q116", "q117", "q118", "q119"],
            search.Items.Select(i => ItemJson.AsText(ItemJson.Read(i.Input)["question"])));
        Assert.Equal(11, search.Total);
    }

    [Fact]
    public async Task Editing_with_the_same_content_makes_no_version()
    {
        await using var scope = _host.InTeam(_team, TeamRole.Editor);
        var dataset = await scope.CreateDatasetAsync();
        var item = await scope.Get<DatasetItems>().AddAsync(dataset.Id, DatasetArrangements.Question("same"), Cancel);

        var saved = await scope.Get<DatasetItems>().UpdateAsync(dataset.Id, item.ItemId, DatasetArrangements.Question("same"), Cancel);

        Assert.Equal(1, saved.ValidFrom);
        Assert.Equal(1, (await scope.Get<DatasetRegistry>().GetAsync(dataset.Id, Cancel)).CurrentVersion);
    }

    [Fact]
    public async Task An_item_without_variables_and_with_a_long_name_is_refused_with_every_field_named()
    {
        await using var scope = _host.InTeam(_team, TeamRole.Editor);
        var dataset = await scope.CreateDatasetAsync();
        var content = new ItemContent { Metadata = new() { [new string('m', DatasetRules.KeyMaxLength + 1)] = "x" } };

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => scope.Get<DatasetItems>().AddAsync(dataset.Id, content, Cancel));

        Assert.Equal(["Metadata", "Variables"], error.Errors.Keys.Order());
        Assert.Equal(0, (await scope.Get<DatasetRegistry>().GetAsync(dataset.Id, Cancel)).CurrentVersion);
    }

    [Fact]
    public async Task A_viewer_reads_but_every_change_needs_an_editor()
    {
        Guid datasetId;
        await using (var editor = _host.InTeam(_team, TeamRole.Editor))
        {
            datasetId = (await editor.CreateDatasetAsync()).Id;
            await editor.Get<DatasetItems>().AddAsync(datasetId, DatasetArrangements.Question("q"), Cancel);
        }

        await using var viewer = _host.InTeam(_team, TeamRole.Viewer);

        Assert.Single(await viewer.QuestionsAsync(datasetId));
        await Assert.ThrowsAsync<ForbiddenException>(() => viewer.Get<DatasetItems>().AddAsync(datasetId, DatasetArrangements.Question("no"), Cancel));
        await Assert.ThrowsAsync<ForbiddenException>(() => viewer.Get<DatasetRegistry>().UpdateAsync(datasetId, "Renamed", null, Cancel));
        await Assert.ThrowsAsync<ForbiddenException>(() => viewer.ImportAsync(datasetId, "a.csv", "question\nq"));
    }

    [Fact]
    public async Task Another_teams_dataset_is_not_found_for_reading_changing_or_deleting()
    {
        Guid theirs;
        await using (var other = _host.InTeam(await _host.CreateTeamAsync("Other"), TeamRole.Owner))
        {
            theirs = (await other.CreateDatasetAsync("Secret")).Id;
        }

        await using var scope = _host.InTeam(_team, TeamRole.Owner);

        await Assert.ThrowsAsync<NotFoundException>(() => scope.Get<DatasetRegistry>().GetAsync(theirs, Cancel));
        await Assert.ThrowsAsync<NotFoundException>(() => scope.Get<DatasetItems>().AddAsync(theirs, DatasetArrangements.Question("q"), Cancel));
        await Assert.ThrowsAsync<NotFoundException>(() => scope.ImportAsync(theirs, "a.csv", "question\nq"));
        await Assert.ThrowsAsync<NotFoundException>(() => scope.Get<DatasetRegistry>().DeleteAsync(theirs, Cancel));
    }

    [Fact]
    public async Task A_duplicate_name_is_refused_and_deleting_takes_every_version_with_it()
    {
        await using var scope = _host.InTeam(_team, TeamRole.Editor);
        var dataset = await scope.CreateDatasetAsync("Regression set");
        await scope.Get<DatasetItems>().AddAsync(dataset.Id, DatasetArrangements.Question("q"), Cancel);

        var conflict = await Assert.ThrowsAsync<ConflictException>(() => scope.CreateDatasetAsync("REGRESSION SET"));
        await scope.Get<DatasetRegistry>().DeleteAsync(dataset.Id, Cancel);

        Assert.Contains("A dataset named 'REGRESSION SET' already exists", conflict.Message);
        await using var db = await scope.DbAsync();
        Assert.False(await db.DatasetItems.AnyAsync(Cancel));
        Assert.False(await db.DatasetVersions.AnyAsync(Cancel));
    }

    [Fact]
    public async Task The_demo_team_starts_with_a_dataset_whose_variables_are_the_demo_prompts()
    {
        await using var scope = _host.InTeam(await _host.DemoTeamIdAsync(), TeamRole.Viewer);
        var demo = Assert.Single(await scope.Get<DatasetRegistry>().ListAsync(Cancel), d => d.Name == "Support questions");

        var page = await scope.Get<DatasetItems>().ListAsync(demo.Id, new DatasetItemQuery(), Cancel);

        Assert.Equal((1, 6), (demo.CurrentVersion, page.Total));
        Assert.All(page.Items, i => Assert.Equal(["context", "question"], ItemJson.Read(i.Input).Select(v => v.Key)));
        Assert.All(page.Items, i => Assert.False(string.IsNullOrEmpty(i.ExpectedOutput)));
        await using var db = await scope.DbAsync();
        var prompt = await db.PromptVersions.Where(v => v.Prompt.Name == "Support answer").FirstAsync(Cancel);
        Assert.Equal(["context", "question"], prompt.Variables.Select(v => v.Name));
    }
}
