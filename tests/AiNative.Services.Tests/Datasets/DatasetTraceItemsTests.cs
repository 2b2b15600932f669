using AiNative.Services.Datasets;
using AiNative.Services.Datasets.FromTraces;
using AiNative.Services.Execution;
using AiNative.Services.Models.Offline;
using AiNative.Services.Platform.Errors;
using AiNative.Services.Teams;
using AiNative.Services.Tests.Runs;
using AiNative.Services.Traces;
using AiNative.Testing;

namespace AiNative.Services.Tests.Datasets;

public sealed class DatasetTraceItemsTests : IAsyncLifetime
{
    private ServicesHost _host = null!;
    private TeamScope _scope = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _host = await ServicesHost.StartAsync();
        _scope = _host.InTeam(await _host.DemoTeamIdAsync(), TeamRole.Editor);
    }

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task Playground_runs_become_items_with_their_variables_and_outputs_as_expected_outputs()
    {
        var model = await _scope.OfflineModelAsync(OfflineModels.ChatModelId);
        var promptId = await _scope.DemoPromptIdAsync();
        var run = await _scope.RunToEndAsync(new RunRequest
        {
            ModelId = model.Id,
            PromptId = promptId,
            PromptVersion = 1,
            Values = new Dictionary<string, string?> { ["question"] = "Can a saved version be changed?" },
        });
        var dataset = await _scope.CreateDatasetAsync("From runs");

        var added = await _scope.Get<DatasetTraceItems>().AddAsync(dataset.Id, [run.Trace.Id], outputAsExpected: true, Cancel);

        var item = Assert.Single(added.Items);
        var variables = ItemJson.Read(item.Input);
        Assert.Equal("Can a saved version be changed?", ItemJson.AsText(variables["question"]));
        Assert.StartsWith("AiNative Portal keeps prompts", ItemJson.AsText(variables["context"]));
        Assert.Equal(run.Trace.Output, item.ExpectedOutput);
        Assert.Equal(run.Trace.Id, item.SourceTraceId);
        Assert.Equal("Support answer v1", ItemJson.AsText(ItemJson.Read(item.Metadata)["prompt"]));
        Assert.Equal((1, "Added 1 item(s) from traces, their outputs as expected outputs"), (added.Version.Number, added.Version.Summary));
    }

    [Fact]
    public async Task A_gateway_request_becomes_an_item_with_its_messages_and_without_its_output_unless_asked()
    {
        var trace = await _scope.Get<TraceRecorder>().StartAsync(TraceSource.Gateway, "support-route", Cancel);
        trace.SetInput(TraceMessages.Serialize([("system", "Be brief."), ("user", "Where are keys kept?")])).SetOutput("Encrypted in the database.");
        await trace.EndAsync(TraceStatus.Succeeded);
        var dataset = await _scope.CreateDatasetAsync("From the gateway");

        var added = await _scope.Get<DatasetTraceItems>().AddAsync(dataset.Id, [trace.Id], outputAsExpected: false, Cancel);

        var item = Assert.Single(added.Items);
        Assert.Equal("""{"messages":[{"role":"system","content":"Be brief."},{"role":"user","content":"Where are keys kept?"}]}""", item.Input);
        Assert.Null(item.ExpectedOutput);
    }

    [Fact]
    public async Task A_failed_run_gives_no_expected_output_and_another_teams_trace_is_not_found()
    {
        var failed = await _scope.Get<TraceRecorder>().StartAsync(TraceSource.Api, "broken", Cancel);
        failed.SetInput("{\"question\": \"q\"}");
        await failed.EndAsync(TraceStatus.Failed);
        Guid theirs;
        await using (var other = _host.InTeam(await _host.CreateTeamAsync("Other"), TeamRole.Owner))
        {
            var trace = await other.Get<TraceRecorder>().StartAsync(TraceSource.Api, "secret", Cancel);
            trace.SetInput("{\"question\": \"secret\"}");
            await trace.EndAsync(TraceStatus.Succeeded);
            theirs = trace.Id;
        }

        var dataset = await _scope.CreateDatasetAsync("Refused");
        var service = _scope.Get<DatasetTraceItems>();

        var refusal = await Assert.ThrowsAsync<ValidationFailedException>(() => service.AddAsync(dataset.Id, [failed.Id], outputAsExpected: true, Cancel));
        await Assert.ThrowsAsync<NotFoundException>(() => service.AddAsync(dataset.Id, [theirs], outputAsExpected: false, Cancel));
        var added = await service.AddAsync(dataset.Id, [failed.Id], outputAsExpected: false, Cancel);

        Assert.Contains("'broken'", refusal.Errors["TraceIds"][0]);
        Assert.Contains("failed, so its output is not an answer to expect", refusal.Errors["TraceIds"][0]);
        Assert.Equal("""{"question":"q"}""", Assert.Single(added.Items).Input);
    }
}
