using AiNative.Services.Execution;
using AiNative.Services.Models.Offline;
using AiNative.Services.Platform.Errors;
using AiNative.Services.Teams;
using AiNative.Services.Tests.Runs;
using AiNative.Services.Traces;
using AiNative.Testing;

namespace AiNative.Services.Tests.Traces;

/// <summary>A team's privacy setting decides how much of what its models saw and said its traces keep.</summary>
public sealed class TracePrivacyTests : IAsyncLifetime
{
    private ServicesHost _host = null!;
    private TeamScope _owner = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _host = await ServicesHost.StartAsync();
        _owner = _host.InTeam(await _host.DemoTeamIdAsync(), TeamRole.Owner);
    }

    public async ValueTask DisposeAsync()
    {
        await _owner.DisposeAsync();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task Full_keeps_the_prompt_and_answer()
    {
        var run = await RunAsync();

        Assert.Contains("secret plan", run.Trace.Output);
        Assert.Contains("secret plan", run.Observations.Single(o => o.Type == ObservationType.Generation).Input);
        Assert.Equal("Tell me the secret plan.", run.Input.UserTemplate);
    }

    [Fact]
    public async Task Metadata_only_keeps_lengths_and_numbers_but_no_text()
    {
        await _owner.Get<TracePrivacyPolicy>().SetAsync(TracePrivacy.MetadataOnly, Cancel);

        var run = await RunAsync();

        var generation = run.Observations.Single(o => o.Type == ObservationType.Generation);
        Assert.Equal(TracePrivacy.MetadataOnly, run.Trace.Privacy);
        Assert.Null(run.Trace.Input);
        Assert.Null(run.Trace.Output);
        Assert.Null(generation.Input);
        Assert.Null(generation.Output);
        Assert.True(int.Parse(generation.Attributes[TraceContent.OutputLength], System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.True(generation.InputTokens > 0);
        Assert.Empty(run.Messages);
    }

    [Fact]
    public async Task None_keeps_no_content_and_no_lengths()
    {
        await _owner.Get<TracePrivacyPolicy>().SetAsync(TracePrivacy.None, Cancel);

        var run = await RunAsync();

        Assert.All(run.Observations, o => Assert.Null(o.Input ?? o.Output));
        Assert.All(run.Observations, o => Assert.DoesNotContain(TraceContent.InputLength, o.Attributes.Keys));
        Assert.Null(run.Trace.Output);
        Assert.True(run.Trace.OutputTokens > 0);
    }

    [Fact]
    public async Task Only_an_owner_changes_the_setting()
    {
        await using var editor = _host.InTeam(await _host.DemoTeamIdAsync(), TeamRole.Editor);

        await Assert.ThrowsAsync<ForbiddenException>(() => editor.Get<TracePrivacyPolicy>().SetAsync(TracePrivacy.None, Cancel));
        Assert.Equal(TracePrivacy.Full, await editor.Get<TracePrivacyPolicy>().GetAsync(Cancel));
    }

    private async Task<RunRecord> RunAsync()
    {
        var model = await _owner.OfflineModelAsync(OfflineModels.ChatModelId);
        var ran = await _owner.RunToEndAsync(new RunRequest { ModelId = model.Id, SystemTemplate = "The secret plan is to ship on Friday.", UserTemplate = "Tell me the secret plan." });
        return await _owner.Get<RunHistory>().GetAsync(ran.Trace.Id, settled: false, Cancel);
    }
}
