using AiNative.Services.Platform.Errors;
using AiNative.Services.Execution;
using AiNative.Services.Teams;
using AiNative.Services.Traces;
using AiNative.Testing;

namespace AiNative.Services.Tests.Runs;

public sealed class RunHistoryTests : IAsyncLifetime
{
    private TeamWithProvider _bed = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _bed = await TeamWithProvider.StartAsync(TeamRole.Viewer);

    public ValueTask DisposeAsync() => _bed.DisposeAsync();

    [Fact]
    public async Task History_lists_runs_newest_first_in_pages_and_filters_by_prompt()
    {
        var model = await _bed.Scope.AddOpenAiCompatibleModelAsync(_bed.Provider.BaseUrl, FakeOpenAiServer.ChatModel);
        var promptId = await _bed.Scope.DemoPromptIdAsync();
        var first = await _bed.Scope.RunToEndAsync(new RunRequest { ModelId = model.Id, PromptId = promptId, PromptVersion = 1 });
        var second = await _bed.Scope.RunToEndAsync(RunInputs.AdHoc(model.Id, "ad hoc"));
        var third = await _bed.Scope.RunToEndAsync(new RunRequest { ModelId = model.Id, PromptId = promptId, PromptVersion = 2 });

        var page1 = await History.ListAsync(null, 1, 2, Cancel);
        var page2 = await History.ListAsync(null, 2, 2, Cancel);
        var ofPrompt = await History.ListAsync(promptId, 1, 10, Cancel);

        Assert.Equal(3, page1.Total);
        Assert.Equal([third.Trace.Id, second.Trace.Id], page1.Items.Select(r => r.Id));
        Assert.Equal([first.Trace.Id], page2.Items.Select(r => r.Id));
        Assert.Equal([third.Trace.Id, first.Trace.Id], ofPrompt.Items.Select(r => r.Id));
        Assert.Equal(2, ofPrompt.Total);
        var adHoc = page1.Items[1];
        Assert.Equal((null, null, TraceStatus.Succeeded), (adHoc.PromptName, adHoc.PromptVersion, adHoc.Status));
        Assert.Equal("Echo: ad hoc", adHoc.OutputPreview);
    }

    [Fact]
    public async Task A_long_output_is_shortened_in_the_list_but_whole_in_the_run()
    {
        var model = await _bed.Scope.AddOpenAiCompatibleModelAsync(_bed.Provider.BaseUrl, FakeOpenAiServer.ChatModel);
        var words = string.Join(' ', Enumerable.Repeat("lorem", 60));

        var run = await _bed.Scope.RunToEndAsync(RunInputs.AdHoc(model.Id, words));

        var listed = Assert.Single((await History.ListAsync(null, 1, 10, Cancel)).Items);
        Assert.Equal(TraceRules.PreviewLength, listed.OutputPreview.Length);
        Assert.Equal($"Echo: {words}", (await History.GetAsync(run.Trace.Id, settled: false, Cancel)).Trace.Output);
    }

    [Fact]
    public async Task Another_teams_runs_are_neither_listed_nor_found()
    {
        var otherTeam = await _bed.Host.CreateTeamAsync("Other");
        Guid theirs;
        await using (var other = _bed.Host.InTeam(otherTeam, TeamRole.Viewer))
        {
            var model = await other.AddOpenAiCompatibleModelAsync(_bed.Provider.BaseUrl, FakeOpenAiServer.ChatModel);
            theirs = (await other.RunToEndAsync(RunInputs.AdHoc(model.Id, "secret"))).Trace.Id;
        }

        Assert.Equal(0, (await History.ListAsync(null, 1, 10, Cancel)).Total);
        await Assert.ThrowsAsync<NotFoundException>(() => History.GetAsync(theirs, settled: false, Cancel));
    }

    [Fact]
    public async Task A_page_outside_the_limits_names_the_field()
    {
        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => History.ListAsync(null, 0, 1000, Cancel));

        Assert.Equal(["Page", "PageSize"], error.Errors.Keys.Order());
    }

    private RunHistory History => _bed.Scope.Get<RunHistory>();
}
