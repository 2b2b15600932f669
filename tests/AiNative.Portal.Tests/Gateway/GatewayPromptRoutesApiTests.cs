using System.ClientModel;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AiNative.Portal.Client.Contracts;
using AiNative.Portal.Client.Contracts.Gateway;
using AiNative.Services.Gateway.Calls;
using AiNative.Services.Gateway.Routes;
using AiNative.Services.Models;
using AiNative.Services.Prompts;
using AiNative.Testing;
using OpenAI.Chat;

namespace AiNative.Portal.Tests.Gateway;

/// <summary>Routes between prompt versions, as an application meets them through the OpenAI .NET SDK and an editor saves them through the API.</summary>
public sealed class GatewayPromptRoutesApiTests : IAsyncLifetime
{
    private GatewayPortal _gateway = null!;
    private ModelDefinition _model = null!;
    private Guid _promptId;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _gateway = await GatewayPortal.StartAsync();
        _model = await _gateway.ModelAsync(FakeOpenAiServer.ChatModel);
        await using var scope = _gateway.Portal.Services.InTeam(_gateway.TeamId);
        _promptId = await scope.AddPromptAsync("support", _model.Id, ["You are terse.", "You are friendly.", "You are formal."]);
        await scope.LabelAsync(_promptId, LabelNames.Production, 1);
        await scope.LabelAsync(_promptId, "candidate", 2);
    }

    public async ValueTask DisposeAsync() => await _gateway.DisposeAsync();

    [Fact]
    public async Task Users_split_between_two_labels_see_which_version_answered_and_a_moved_label_counts_on_the_next_request()
    {
        var route = await SaveRouteAsync(("prompt:support@production", 50), ("prompt:support@candidate", 50));
        var (onProduction, onCandidate) = UsersOnEachSide(route);
        var chat = _gateway.OpenAi((await _gateway.KeyAsync()).Secret).GetChatClient("support-ab");

        var production = await AskAsync(chat, onProduction);
        var candidate = await AskAsync(chat, onCandidate);
        await using (var scope = _gateway.Portal.Services.InTeam(_gateway.TeamId))
        {
            await scope.LabelAsync(_promptId, "candidate", 3);
        }

        var swapped = await AskAsync(chat, onCandidate);

        Assert.Equal(("prompt:support@production", "1", "You are terse."), production);
        Assert.Equal(("prompt:support@candidate", "2", "You are friendly."), candidate);
        Assert.Equal(("prompt:support@candidate", "3", "You are formal."), swapped);
        var traces = (await _gateway.TracesAsync()).OrderBy(t => t.StartedAt).ToList();
        Assert.Equal([1, 2, 3], traces.Select(t => t.PromptVersion ?? 0));
        Assert.Equal(["prompt:support@production", "prompt:support@candidate", "prompt:support@candidate"], traces.Select(t => t.Metadata[GatewayMetadata.Target]));
        Assert.All(traces, t => Assert.Equal("support", t.PromptName));
    }

    [Fact]
    public async Task Weights_of_100_and_0_send_every_user_to_one_version_until_the_route_moves_them()
    {
        var route = await SaveRouteAsync(("prompt:support@production", 100), ("prompt:support#2", 0));
        var chat = _gateway.OpenAi((await _gateway.KeyAsync()).Secret).GetChatClient("support-ab");
        var before = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            before.Add((await AskAsync(chat, $"user-{i}")).Version);
        }

        using var owner = await _gateway.Portal.SignInAsync();
        using var moved = await owner.PutAsJsonAsync($"{RoutesPath}/{route.Id}",
            Request(("prompt:support@production", 0), ("prompt:support#2", 100)), PortalJson.Options, Cancel);
        moved.EnsureSuccessStatusCode();
        var after = await AskAsync(chat, "user-0");

        Assert.All(before, version => Assert.Equal("1", version));
        Assert.Equal(("prompt:support#2", "2", "You are friendly."), after);
    }

    [Fact]
    public async Task An_unknown_prompt_on_a_route_is_400_naming_the_target()
    {
        using var owner = await _gateway.Portal.SignInAsync();

        using var unknown = await owner.PostAsJsonAsync(RoutesPath, Request(("prompt:support@production", 50), ("prompt:suport@candidate", 50)), PortalJson.Options, Cancel);
        using var noLabel = await owner.PostAsJsonAsync(RoutesPath, Request(("prompt:support@canary", 1)), PortalJson.Options, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        var errors = (await unknown.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors");
        Assert.Equal("Target 'prompt:suport@candidate': the team has no prompt named 'suport'.", errors.GetProperty("Targets")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, noLabel.StatusCode);
        Assert.Contains("prompt 'support' has no label 'canary'", await noLabel.Content.ReadAsStringAsync(Cancel));
    }

    [Fact]
    public async Task A_label_deleted_after_the_route_was_saved_falls_back_to_the_other_target_and_then_fails_clearly()
    {
        var route = await SaveRouteAsync(("prompt:support@production", 50), ("prompt:support@candidate", 50));
        var (_, onCandidate) = UsersOnEachSide(route);
        var chat = _gateway.OpenAi((await _gateway.KeyAsync()).Secret).GetChatClient("support-ab");
        await using (var scope = _gateway.Portal.Services.InTeam(_gateway.TeamId))
        {
            await scope.Get<PromptLabels>().DeleteAsync(_promptId, "candidate", Cancel);
        }

        var fallback = await chat.CompleteChatAsync([new UserChatMessage("hello")], new ChatCompletionOptions { EndUserId = onCandidate }, Cancel);

        Assert.Equal("prompt:support@production", Header(fallback, "x-ainative-target"));
        Assert.Equal("2", Header(fallback, "x-ainative-attempts"));
        var trace = Assert.Single(await _gateway.TracesAsync());
        Assert.Contains("prompt:support@candidate: prompt 'support' has no label 'candidate'", trace.Metadata[GatewayMetadata.Failures]);

        await using (var scope = _gateway.Portal.Services.InTeam(_gateway.TeamId))
        {
            await scope.Get<PromptLabels>().DeleteAsync(_promptId, LabelNames.Production, Cancel);
        }

        var error = await Assert.ThrowsAsync<ClientResultException>(() =>
            chat.CompleteChatAsync([new UserChatMessage("hello")], new ChatCompletionOptions { EndUserId = onCandidate }, Cancel));
        Assert.Equal(502, error.Status);
        var body = JsonDocument.Parse(error.GetRawResponse()!.Content.ToString()).RootElement.GetProperty("error");
        Assert.Equal("route_without_targets", body.GetProperty("code").GetString());
        Assert.Contains("prompt 'support' has no label 'production'", body.GetProperty("message").GetString());
    }

    private string RoutesPath => $"/api/teams/{_gateway.TeamId}/gateway/routes";

    private static SaveGatewayRouteRequest Request(params (string Prompt, int Weight)[] targets) =>
        new("support-ab", [.. targets.Select(t => new RouteTargetDto(null, t.Weight, t.Prompt))]);

    /// <summary>Saves the route through the management API, as an editor would.</summary>
    private async Task<GatewayRouteDto> SaveRouteAsync(params (string Prompt, int Weight)[] targets)
    {
        using var owner = await _gateway.Portal.SignInAsync();
        using var response = await owner.PostAsJsonAsync(RoutesPath, Request(targets), PortalJson.Options, Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Cancel));
        return (await response.Content.ReadFromJsonAsync<GatewayRouteDto>(PortalJson.Options, Cancel))!;
    }

    /// <summary>An end user the route sends to each label, found the way the gateway picks.</summary>
    private static (string Production, string Candidate) UsersOnEachSide(GatewayRouteDto route)
    {
        var saved = new GatewayRoute { Id = route.Id, Name = route.Name, Targets = [.. route.Targets.Select(t => new RouteTarget(t.ModelId, t.Weight, t.Prompt))] };
        var users = Enumerable.Range(0, 100).Select(i => $"user-{i}").ToList();
        return (users.First(u => TargetPicker.Pick(saved, u).Prompt == "prompt:support@production"),
            users.First(u => TargetPicker.Pick(saved, u).Prompt == "prompt:support@candidate"));
    }

    /// <summary>Asks as <paramref name="user"/>: the target and prompt version the headers name, and the system message the model was sent.</summary>
    private async Task<(string Target, string Version, string? System)> AskAsync(ChatClient chat, string user)
    {
        var answer = await chat.CompleteChatAsync([new UserChatMessage("Where is my parcel?")], new ChatCompletionOptions { EndUserId = user }, Cancel);
        Assert.Equal("Echo: Where is my parcel?", answer.Value.Content[0].Text);
        var sent = _gateway.Provider.Requests.Last(r => r.Path == "/v1/chat/completions").Body!["messages"]![0]!["content"]!.GetValue<string>();
        return (Header(answer, "x-ainative-target"), Header(answer, "x-ainative-prompt-version"), sent);
    }

    private static string Header<T>(ClientResult<T> result, string name) =>
        result.GetRawResponse().Headers.TryGetValue(name, out var value) ? value! : throw new Xunit.Sdk.XunitException($"No {name} header.");
}
