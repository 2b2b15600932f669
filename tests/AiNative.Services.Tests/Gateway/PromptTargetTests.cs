using AiNative.Services.Gateway.Calls;
using AiNative.Services.Gateway.Keys;
using AiNative.Services.Gateway.Routes;
using AiNative.Services.Models;
using AiNative.Services.Platform.Errors;
using AiNative.Services.Prompts;
using AiNative.Services.Teams;
using AiNative.Testing;

namespace AiNative.Services.Tests.Gateway;

/// <summary>Routes whose targets are prompt versions: an A/B test of prompts, sticky per user, following labels as they move.</summary>
public sealed class PromptTargetTests : IAsyncLifetime
{
    private TeamWithProvider _team = null!;
    private ModelDefinition _model = null!;
    private Guid _promptId;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _team = await TeamWithProvider.StartAsync(TeamRole.Owner);
        _model = await _team.Scope.AddOpenAiCompatibleModelAsync(_team.Provider.BaseUrl, FakeOpenAiServer.ChatModel);
        _promptId = await _team.Scope.AddPromptAsync("support", _model.Id, ["You are terse.", "You are friendly.", "You are formal."], "Help with {{$question}}");
        await _team.Scope.LabelAsync(_promptId, LabelNames.Production, 1);
        await _team.Scope.LabelAsync(_promptId, "candidate", 2);
    }

    public async ValueTask DisposeAsync() => await _team.DisposeAsync();

    [Fact]
    public async Task A_target_may_be_a_prompt_label_or_a_pinned_version_and_is_saved_spelled_out()
    {
        var route = await Routes.CreateAsync(new GatewayRouteInput
        {
            Name = "support-ab",
            Targets = [RouteTarget.ForPrompt("prompt:support", 80), RouteTarget.ForPrompt("prompt:support#3", 10), new RouteTarget(_model.Id, 10)],
        }, Cancel);

        Assert.Equal(["prompt:support@production", "prompt:support#3", null], route.Targets.Select(t => t.Prompt));
        Assert.Equal(route.Targets, (await Routes.GetAsync(route.Id, Cancel)).Targets);
    }

    [Theory]
    [InlineData("prompt:nope@production", "the team has no prompt named 'nope'")]
    [InlineData("prompt:support@missing", "prompt 'support' has no label 'missing'")]
    [InlineData("prompt:support#9", "prompt 'support' has no version 9")]
    [InlineData("prompt:support@Bad Label", "not a valid label name")]
    [InlineData("support@production", "is not a prompt: write prompt:<name>@<label>")]
    public async Task A_prompt_target_that_does_not_exist_is_refused_naming_the_target(string prompt, string reason)
    {
        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => Routes.CreateAsync(new GatewayRouteInput
        {
            Name = "broken-ab",
            Targets = [RouteTarget.ForPrompt("prompt:support@production", 50), RouteTarget.ForPrompt(prompt, 50)],
        }, Cancel));

        var message = Assert.Single(error.Errors["Targets"]);
        Assert.Contains($"'{prompt}'", message);
        Assert.Contains(reason, message);
    }

    [Fact]
    public async Task A_target_naming_both_a_model_and_a_prompt_is_refused()
    {
        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => Routes.CreateAsync(new GatewayRouteInput
        {
            Name = "both",
            Targets = [new RouteTarget(_model.Id, 1, "prompt:support@production")],
        }, Cancel));

        Assert.Contains("a model or a prompt, not both", Assert.Single(error.Errors["Targets"]));
    }

    [Fact]
    public async Task Sticky_users_stay_on_their_version_and_a_moved_label_counts_from_the_next_request()
    {
        var route = await AbRouteAsync();
        var (onProduction, onCandidate) = UsersOnEachSide(route);
        var caller = await CallerAsync();

        var production = await AskAsync(caller, onProduction);
        var candidate = await AskAsync(caller, onCandidate);
        await _team.Scope.LabelAsync(_promptId, "candidate", 3);
        var swapped = await AskAsync(caller, onCandidate);
        var productionAgain = await AskAsync(caller, onProduction);

        Assert.Equal(("prompt:support@production", 1), (production.Target, production.PromptVersion));
        Assert.Equal(("prompt:support@candidate", 2), (candidate.Target, candidate.PromptVersion));
        Assert.Equal(("prompt:support@candidate", 3), (swapped.Target, swapped.PromptVersion));
        Assert.Equal(("prompt:support@production", 1), (productionAgain.Target, productionAgain.PromptVersion));
        Assert.Equal("You are formal.", SentSystemMessages()[^2]);
        Assert.Equal("Echo: Help with my parcel", swapped.Text);
    }

    [Fact]
    public async Task A_label_deleted_after_the_route_was_saved_is_skipped_with_its_reason_and_the_other_target_answers()
    {
        var route = await AbRouteAsync();
        var (_, onCandidate) = UsersOnEachSide(route);
        var caller = await CallerAsync();
        await _team.Scope.Get<PromptLabels>().DeleteAsync(_promptId, "candidate", Cancel);

        var answer = await AskAsync(caller, onCandidate);

        Assert.Equal(("prompt:support@production", 1), (answer.Target, answer.PromptVersion));
        Assert.Equal(2, answer.Attempts.Count);
        Assert.Equal("prompt:support@candidate", answer.Attempts[0].Model);
        Assert.Equal("prompt 'support' has no label 'candidate'", answer.Attempts[0].Failure);

        await _team.Scope.Get<PromptLabels>().DeleteAsync(_promptId, LabelNames.Production, Cancel);
        var failed = await Assert.ThrowsAsync<GatewayException>(() => AskAsync(caller, onCandidate));
        Assert.Equal(502, failed.StatusCode);
        Assert.Contains("target prompt:support@production: prompt 'support' has no label 'production'", failed.Message);
        Assert.Contains("target prompt:support@candidate: prompt 'support' has no label 'candidate'", failed.Message);
    }

    [Fact]
    public async Task When_a_prompt_versions_model_fails_the_fallback_model_runs_the_same_rendered_prompt()
    {
        var broken = await _team.Scope.AddOpenAiCompatibleModelAsync(_team.Provider.BaseUrl, FakeOpenAiServer.BrokenModel);
        var brokenPrompt = await _team.Scope.AddPromptAsync("fragile", broken.Id, ["You are fragile."], "Help with {{$question}}");
        await _team.Scope.LabelAsync(brokenPrompt, LabelNames.Production, 1);
        await Routes.CreateAsync(new GatewayRouteInput
        {
            Name = "fragile-route",
            Targets = [RouteTarget.ForPrompt("prompt:fragile@production", 1)],
            Fallbacks = [_model.Id],
            RetriesPerTarget = 0,
        }, Cancel);

        var answer = await _team.Scope.Get<GatewayChat>().CompleteAsync(await CallerAsync(), Request("fragile-route", "u1"), Cancel);

        Assert.Equal((_model.Name, 1), (answer.Target, answer.PromptVersion));
        Assert.Equal(["prompt:fragile@production (v1 on " + broken.Name + ")", _model.Name], answer.Attempts.Select(a => a.Model));
        Assert.Equal("You are fragile.", SentSystemMessages()[^1]);
        Assert.Equal("Echo: Help with my parcel", answer.Text);
    }

    private GatewayRoutes Routes => _team.Scope.Get<GatewayRoutes>();

    private Task<GatewayRoute> AbRouteAsync() => Routes.CreateAsync(new GatewayRouteInput
    {
        Name = "support-ab",
        Targets = [RouteTarget.ForPrompt("prompt:support@production", 50), RouteTarget.ForPrompt("prompt:support@candidate", 50)],
    }, Cancel);

    /// <summary>An end user the route sends to each label, found the way the gateway picks.</summary>
    private static (string Production, string Candidate) UsersOnEachSide(GatewayRoute route)
    {
        var users = Enumerable.Range(0, 100).Select(i => $"user-{i}").ToList();
        return (users.First(u => TargetPicker.Pick(route, u).Prompt == "prompt:support@production"),
            users.First(u => TargetPicker.Pick(route, u).Prompt == "prompt:support@candidate"));
    }

    private async Task<GatewayCaller> CallerAsync()
    {
        var keys = _team.Scope.Get<GatewayKeys>();
        var created = await keys.CreateAsync(new GatewayKeyInput { Name = $"app {Guid.NewGuid():N}" }, Cancel);
        return (await keys.CheckAsync(created.Secret, Cancel)).Caller!;
    }

    private Task<GatewayAnswer> AskAsync(GatewayCaller caller, string user) =>
        _team.Scope.Get<GatewayChat>().CompleteAsync(caller, Request("support-ab", user), Cancel);

    private static GatewayChatRequest Request(string model, string user) => new()
    {
        Model = model,
        Messages = [],
        EndUser = user,
        Variables = new Dictionary<string, string?> { ["question"] = "my parcel" },
    };

    private List<string?> SentSystemMessages() =>
        [.. _team.Provider.Requests.Where(r => r.Path == "/v1/chat/completions").Select(r => r.Body!["messages"]![0]!["content"]!.GetValue<string>())];
}
