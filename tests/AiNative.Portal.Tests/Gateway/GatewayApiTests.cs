using System.ClientModel;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AiNative.Portal.Client.Contracts;
using AiNative.Portal.Client.Contracts.Traces;
using AiNative.Services.Gateway.Calls;
using AiNative.Services.Gateway.Keys;
using AiNative.Services.Gateway.Routes;
using AiNative.Services.Models;
using AiNative.Services.Prompts;
using AiNative.Services.Traces;
using AiNative.Testing;
using OpenAI.Chat;

namespace AiNative.Portal.Tests.Gateway;

/// <summary>The gateway as an application meets it: the official OpenAI .NET SDK with only the base URL and the key changed.</summary>
public sealed class GatewayApiTests : IAsyncLifetime
{
    private GatewayPortal _gateway = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _gateway = await GatewayPortal.StartAsync();

    public async ValueTask DisposeAsync() => await _gateway.DisposeAsync();

    [Fact]
    public async Task The_OpenAI_SDK_gets_an_answer_through_a_route_and_the_request_is_a_trace_of_the_key()
    {
        var model = await _gateway.ModelAsync(FakeOpenAiServer.ChatModel);
        await _gateway.RouteAsync("support-bot", [new RouteTarget(model.Id, 1)]);
        var key = await _gateway.KeyAsync(new GatewayKeyInput { Name = "support app" });

        var completion = await _gateway.OpenAi(key.Secret).GetChatClient("support-bot")
            .CompleteChatAsync([new UserChatMessage("Where is my parcel?")], cancellationToken: Cancel);

        Assert.Equal("Echo: Where is my parcel?", completion.Value.Content[0].Text);
        Assert.Equal("support-bot", completion.Value.Model);
        Assert.True(completion.Value.Usage.OutputTokenCount > 0);
        var trace = Assert.Single(await _gateway.TracesAsync());
        Assert.Equal("support-bot", trace.Name);
        Assert.Equal(TraceStatus.Succeeded, trace.Status);
        Assert.Equal(key.Key.Id, trace.ActorId);
        Assert.Equal("support-bot", trace.Metadata[GatewayMetadata.Route]);
        Assert.Equal(model.Name, trace.Metadata[GatewayMetadata.Target]);
        Assert.True(trace.Cost > 0);
    }

    [Fact]
    public async Task Every_response_says_its_route_target_attempts_cache_trace_and_length()
    {
        var model = await _gateway.ModelAsync(FakeOpenAiServer.ChatModel);
        await _gateway.RouteAsync("headers", [new RouteTarget(model.Id, 1)]);
        var key = await _gateway.KeyAsync();

        using var response = await _gateway.Http(key.Secret).PostAsJsonAsync("/v1/chat/completions", Chat("headers", "hello"), Cancel);

        response.EnsureSuccessStatusCode();
        Assert.Equal("headers", Header(response, "x-ainative-route"));
        Assert.Equal(model.Name, Header(response, "x-ainative-target"));
        Assert.Equal("1", Header(response, "x-ainative-attempts"));
        Assert.Equal("miss", Header(response, "x-ainative-cache"));
        var traceId = Guid.Parse(Header(response, "x-ainative-trace-id"));
        Assert.Contains(await _gateway.TracesAsync(), t => t.Id == traceId);

        // A whole answer says its length (no chunked encoding), so clients and proxies read it to a known end.
        Assert.True(response.Content.Headers.TryGetValues("Content-Length", out var length), "The answer has no Content-Length.");
        Assert.Equal((await response.Content.ReadAsByteArrayAsync(Cancel)).Length.ToString(System.Globalization.CultureInfo.InvariantCulture), length.Single());
    }

    [Fact]
    public async Task Streaming_through_the_SDK_delivers_the_whole_answer_with_usage()
    {
        var model = await _gateway.ModelAsync(FakeOpenAiServer.ChatModel);
        var key = await _gateway.KeyAsync();
        var text = new System.Text.StringBuilder();
        ChatTokenUsage? usage = null;

        await foreach (var update in _gateway.OpenAi(key.Secret).GetChatClient(model.Name)
            .CompleteChatStreamingAsync([new UserChatMessage("one two three four five")], new ChatCompletionOptions(), Cancel))
        {
            text.Append(string.Concat(update.ContentUpdate.Select(p => p.Text)));
            usage = update.Usage ?? usage;
        }

        Assert.Equal("Echo: one two three four five", text.ToString());
        Assert.NotNull(usage);
        Assert.Equal(6, usage.OutputTokenCount);
    }

    [Fact]
    public async Task A_failing_target_is_retried_then_the_fallback_answers_and_the_log_keeps_each_reason()
    {
        var broken = await _gateway.ModelAsync(FakeOpenAiServer.BrokenModel);
        var good = await _gateway.ModelAsync(FakeOpenAiServer.ChatModel);
        await _gateway.RouteAsync("resilient", [new RouteTarget(broken.Id, 1)], [good.Id]);
        var key = await _gateway.KeyAsync();

        using var response = await _gateway.Http(key.Secret).PostAsJsonAsync("/v1/chat/completions", Chat("resilient", "still here"), Cancel);

        response.EnsureSuccessStatusCode();
        Assert.Equal(good.Name, Header(response, "x-ainative-target"));
        Assert.Equal("3", Header(response, "x-ainative-attempts"));
        var trace = Assert.Single(await _gateway.TracesAsync());
        Assert.Equal(good.Name, trace.ModelName);
        Assert.Contains("HTTP 500", trace.Metadata[GatewayMetadata.Failures]);
    }

    [Fact]
    public async Task A_target_that_keeps_failing_cools_down_and_is_skipped()
    {
        var broken = await _gateway.ModelAsync(FakeOpenAiServer.BrokenModel);
        var good = await _gateway.ModelAsync(FakeOpenAiServer.ChatModel);
        await _gateway.RouteAsync("cooling", [new RouteTarget(broken.Id, 1)], [good.Id], retries: 0);
        using var http = _gateway.Http((await _gateway.KeyAsync()).Secret);

        for (var i = 0; i < TargetHealth.FailuresToOpen; i++)
        {
            using var failing = await http.PostAsJsonAsync("/v1/chat/completions", Chat("cooling", "hi"), Cancel);
            Assert.Equal("2", Header(failing, "x-ainative-attempts"));
        }

        var brokenCalls = BrokenCalls();
        using var cooled = await http.PostAsJsonAsync("/v1/chat/completions", Chat("cooling", "hi"), Cancel);

        cooled.EnsureSuccessStatusCode();
        Assert.Equal("1", Header(cooled, "x-ainative-attempts"));
        Assert.Equal(brokenCalls, BrokenCalls());
    }

    [Fact]
    public async Task When_every_target_fails_the_answer_is_502_with_each_attempts_reason()
    {
        var broken = await _gateway.ModelAsync(FakeOpenAiServer.BrokenModel);
        var limited = await _gateway.ModelAsync(FakeOpenAiServer.RateLimitedModel);
        await _gateway.RouteAsync("doomed", [new RouteTarget(broken.Id, 1)], [limited.Id], retries: 0);
        var key = await _gateway.KeyAsync();

        var error = await Assert.ThrowsAsync<ClientResultException>(() =>
            _gateway.OpenAi(key.Secret).GetChatClient("doomed").CompleteChatAsync([new UserChatMessage("hi")], cancellationToken: Cancel));

        Assert.Equal(502, error.Status);
        var body = ErrorOf(error);
        Assert.Equal("all_targets_failed", body.GetProperty("code").GetString());
        Assert.Contains(broken.Name, body.GetProperty("message").GetString());
        Assert.Contains(limited.Name, body.GetProperty("message").GetString());
        Assert.Contains("HTTP 429", body.GetProperty("message").GetString());
        Assert.Equal(TraceStatus.Failed, Assert.Single(await _gateway.TracesAsync()).Status);
    }

    [Fact]
    public async Task Keys_that_are_wrong_revoked_or_not_allowed_the_model_are_refused_in_OpenAIs_shape()
    {
        var model = await _gateway.ModelAsync(FakeOpenAiServer.ChatModel);
        var other = await _gateway.ModelAsync(FakeOpenAiServer.ChatModel);
        var narrow = await _gateway.KeyAsync(new GatewayKeyInput { Name = "narrow", AllowedModels = [model.Name] });

        var wrong = await Assert.ThrowsAsync<ClientResultException>(() =>
            _gateway.OpenAi("aigw_not-a-real-key-at-all").GetChatClient(model.Name).CompleteChatAsync([new UserChatMessage("hi")], cancellationToken: Cancel));
        Assert.Equal(401, wrong.Status);
        Assert.Equal("invalid_api_key", ErrorOf(wrong).GetProperty("code").GetString());

        var forbidden = await Assert.ThrowsAsync<ClientResultException>(() =>
            _gateway.OpenAi(narrow.Secret).GetChatClient(other.Name).CompleteChatAsync([new UserChatMessage("hi")], cancellationToken: Cancel));
        Assert.Equal(403, forbidden.Status);

        var allowed = await _gateway.OpenAi(narrow.Secret).GetChatClient(model.Name).CompleteChatAsync([new UserChatMessage("hi")], cancellationToken: Cancel);
        Assert.Equal("Echo: hi", allowed.Value.Content[0].Text);

        await using (var scope = _gateway.Portal.Services.InTeam(_gateway.TeamId))
        {
            await scope.Get<GatewayKeys>().RevokeAsync(narrow.Key.Id, Cancel);
        }

        var revoked = await Assert.ThrowsAsync<ClientResultException>(() =>
            _gateway.OpenAi(narrow.Secret).GetChatClient(model.Name).CompleteChatAsync([new UserChatMessage("hi")], cancellationToken: Cancel));
        Assert.Equal(401, revoked.Status);
    }

    [Fact]
    public async Task An_unknown_model_is_404_and_names_nothing_of_another_team()
    {
        var otherTeam = await _gateway.Portal.CreateTeamAsync("Other team");
        await using (var scope = _gateway.Portal.Services.InTeam(otherTeam))
        {
            var theirs = await scope.AddOpenAiCompatibleModelAsync(_gateway.Provider.BaseUrl, FakeOpenAiServer.ChatModel);
            await scope.Get<GatewayRoutes>().CreateAsync(new GatewayRouteInput { Name = "their-secret-route", Targets = [new RouteTarget(theirs.Id, 1)] }, Cancel);
        }

        var key = await _gateway.KeyAsync();
        var missing = await Assert.ThrowsAsync<ClientResultException>(() =>
            _gateway.OpenAi(key.Secret).GetChatClient("their-secret-route").CompleteChatAsync([new UserChatMessage("hi")], cancellationToken: Cancel));

        Assert.Equal(404, missing.Status);
        Assert.Equal("model_not_found", ErrorOf(missing).GetProperty("code").GetString());
        using var models = await _gateway.Http(key.Secret).GetAsync("/v1/models", Cancel);
        Assert.DoesNotContain("their-secret-route", await models.Content.ReadAsStringAsync(Cancel));
    }

    [Theory]
    [InlineData("GET", "/v1/completions")]
    [InlineData("GET", "/v1/chat/completions")]
    public async Task A_path_or_method_the_gateway_does_not_serve_is_404_in_OpenAIs_shape_naming_what_it_serves(string method, string path)
    {
        var key = await _gateway.KeyAsync();
        using var response = await _gateway.Http(key.Secret).SendAsync(new HttpRequestMessage(new HttpMethod(method), path), Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        var body = error.RootElement.GetProperty("error");
        Assert.Equal("unknown_url", body.GetProperty("code").GetString());
        Assert.StartsWith($"The gateway has no {method} {path}.", body.GetProperty("message").GetString());
        Assert.Contains("POST /v1/chat/completions", body.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("""{"messages":[{"role":"user","content":"hi"}]}""", "model")]
    [InlineData("""{"model":"m"}""", "messages")]
    [InlineData("""{"model":"m","messages":[{"role":"wizard","content":"hi"}]}""", "messages[0]")]
    [InlineData("""{"model":"m","messages":[{"role":"user","content":"hi"}],"n":2}""", "n")]
    [InlineData("""{"model":"m","messages":[{"role":"user","content":"hi"}],"temperature":"hot"}""", "temperature")]
    [InlineData("""{"model":"m","messages":[{"role":"user","content":"hi"}],"tools":[{"type":"function"}]}""", "tools[0]")]
    [InlineData("""{"model":"m","messages":[{"role":"user","content":"hi"}],"response_format":{"type":"yaml"}}""", "response_format")]
    [InlineData("""{"model":"m","messages":""", "body")]
    public async Task A_malformed_body_is_400_naming_the_field(string body, string field)
    {
        var key = await _gateway.KeyAsync();
        using var response = await _gateway.Http(key.Secret).PostAsync("/v1/chat/completions", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(field, error.RootElement.GetProperty("error").GetProperty("param").GetString());
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused_with_413()
    {
        var key = await _gateway.KeyAsync();
        var huge = new string('a', (int)AiNative.Portal.Gateway.GatewayEndpoints.MaxBodyBytes);

        using var response = await _gateway.Http(key.Secret).PostAsJsonAsync("/v1/chat/completions", Chat("m", huge), Cancel);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("request_too_large", await response.Content.ReadAsStringAsync(Cancel));
    }

    [Fact]
    public async Task An_identical_request_is_answered_from_the_cache_which_a_header_bypasses()
    {
        var model = await _gateway.ModelAsync(FakeOpenAiServer.ChatModel);
        await _gateway.RouteAsync("cached", [new RouteTarget(model.Id, 1)], cacheSeconds: 60);
        using var http = _gateway.Http((await _gateway.KeyAsync()).Secret);

        using var first = await http.PostAsJsonAsync("/v1/chat/completions", Chat("cached", "same question"), Cancel);
        using var second = await http.PostAsJsonAsync("/v1/chat/completions", Chat("cached", "same question"), Cancel);
        using var bypass = new HttpRequestMessage(HttpMethod.Post, "/v1/chat/completions") { Content = JsonContent.Create(Chat("cached", "same question")) };
        bypass.Headers.Add("x-ainative-cache-control", "no-cache");
        using var third = await http.SendAsync(bypass, Cancel);

        Assert.Equal("miss", Header(first, "x-ainative-cache"));
        Assert.Equal("hit", Header(second, "x-ainative-cache"));
        Assert.Equal("miss", Header(third, "x-ainative-cache"));
        Assert.Equal(await first.Content.ReadFromJsonAsync<JsonElement>(Cancel) is var a ? Answer(a) : null, Answer(await second.Content.ReadFromJsonAsync<JsonElement>(Cancel)));
        Assert.Equal(2, _gateway.Provider.Requests.Count(r => r.Path == "/v1/chat/completions"));
        var hit = (await _gateway.TracesAsync()).Single(t => t.Metadata[GatewayMetadata.Cache] == "hit");
        Assert.Equal(0m, hit.Cost);
        Assert.True(decimal.Parse(hit.Metadata[GatewayMetadata.SavedUsd], System.Globalization.CultureInfo.InvariantCulture) > 0);
    }

    [Fact]
    public async Task A_key_over_its_requests_per_minute_gets_429_with_retry_after()
    {
        var model = await _gateway.ModelAsync(FakeOpenAiServer.ChatModel);
        using var http = _gateway.Http((await _gateway.KeyAsync(new GatewayKeyInput { Name = "slow app", RequestsPerMinute = 2 })).Secret);

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 3; i++)
        {
            last?.Dispose();
            last = await http.PostAsJsonAsync("/v1/chat/completions", Chat(model.Name, "hi"), Cancel);
            statuses.Add(last.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.NotNull(last!.Headers.RetryAfter?.Delta);
        Assert.Contains("rate_limit_exceeded", await last.Content.ReadAsStringAsync(Cancel));
        last.Dispose();
    }

    [Fact]
    public async Task Fifty_concurrent_requests_never_spend_past_the_budget_by_more_than_one_reservation()
    {
        var model = await _gateway.ModelAsync(FakeOpenAiServer.ChatModel, inputPrice: 1000m, outputPrice: 1000m);
        var probe = await _gateway.KeyAsync();
        using (var response = await _gateway.Http(probe.Secret).PostAsJsonAsync("/v1/chat/completions", Chat(model.Name, "one two three", maxTokens: 3), Cancel))
        {
            response.EnsureSuccessStatusCode();
        }

        var oneCall = Assert.Single(await _gateway.TracesAsync()).Cost;
        var budget = oneCall * 10;
        var key = await _gateway.KeyAsync(new GatewayKeyInput { Name = "budgeted", DailyBudget = budget });
        using var http = _gateway.Http(key.Secret);

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ =>
            http.PostAsJsonAsync("/v1/chat/completions", Chat(model.Name, "one two three", maxTokens: 3), Cancel)));

        var spent = (await _gateway.TracesAsync()).Where(t => t.ActorId == key.Key.Id).Sum(t => t.Cost);
        var reservation = model.CostOf(100, 3);
        Assert.True(spent <= budget + reservation, $"spent {spent} of a budget of {budget}");
        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.OK);
        var refused = responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.NotEmpty(refused);
        Assert.Contains("budget_exceeded", await refused[0].Content.ReadAsStringAsync(Cancel));
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task Tool_definitions_go_to_the_model_and_its_tool_calls_come_back()
    {
        var model = await _gateway.ModelAsync(FakeOpenAiServer.ChatModel);
        var key = await _gateway.KeyAsync();
        var options = new ChatCompletionOptions();
        options.Tools.Add(ChatTool.CreateFunctionTool("find_order", "Finds an order", BinaryData.FromString("""{"type":"object","properties":{"query":{"type":"string"}}}""")));

        var completion = await _gateway.OpenAi(key.Secret).GetChatClient(model.Name).CompleteChatAsync([new UserChatMessage("order 42")], options, Cancel);

        Assert.Equal(ChatFinishReason.ToolCalls, completion.Value.FinishReason);
        var call = Assert.Single(completion.Value.ToolCalls);
        Assert.Equal("find_order", call.FunctionName);
        Assert.Equal("order 42", JsonDocument.Parse(call.FunctionArguments).RootElement.GetProperty("query").GetString());
        var sent = _gateway.Provider.Requests.Last(r => r.Path == "/v1/chat/completions").Body!;
        Assert.Equal("find_order", sent["tools"]![0]!["function"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_route_with_a_JSON_guard_falls_back_when_the_answer_is_not_JSON()
    {
        var chatty = await _gateway.ModelAsync(FakeOpenAiServer.ChatModel);
        var other = await _gateway.ModelAsync(FakeOpenAiServer.ChatModel);
        await _gateway.RouteAsync("json-only", [new RouteTarget(chatty.Id, 1)], [other.Id], guard: RouteGuard.Json, retries: 0);
        var key = await _gateway.KeyAsync();
        _gateway.Provider.Reply = messages => messages[^1].Content;

        using var notJson = await _gateway.Http(key.Secret).PostAsJsonAsync("/v1/chat/completions", Chat("json-only", "plain words"), Cancel);
        using var json = await _gateway.Http(key.Secret).PostAsJsonAsync("/v1/chat/completions", Chat("json-only", """{"ok":true}"""), Cancel);

        Assert.Equal(HttpStatusCode.BadGateway, notJson.StatusCode);
        Assert.Contains("not valid JSON", await notJson.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        Assert.Equal("1", Header(json, "x-ainative-attempts"));
    }

    [Fact]
    public async Task Embeddings_and_the_model_list_work_through_the_SDK()
    {
        var embedder = await _gateway.ModelAsync(FakeOpenAiServer.EmbeddingModel, ModelKind.Embedding);
        var chat = await _gateway.ModelAsync(FakeOpenAiServer.ChatModel);
        await _gateway.RouteAsync("listed-route", [new RouteTarget(chat.Id, 1)]);
        var client = _gateway.OpenAi((await _gateway.KeyAsync()).Secret);

        var embedding = await client.GetEmbeddingClient(embedder.Name).GenerateEmbeddingAsync("hello world", cancellationToken: Cancel);
        var models = await client.GetOpenAIModelClient().GetModelsAsync(Cancel);

        Assert.Equal(FakeOpenAiServer.EmbeddingDimensions, embedding.Value.ToFloats().Length);
        Assert.Contains(models.Value, m => m.Id == "listed-route");
        Assert.Contains(models.Value, m => m.Id == embedder.Name);
    }

    [Fact]
    public async Task A_client_that_drops_a_stream_cancels_the_upstream_call_and_the_trace_says_so()
    {
        var model = await _gateway.ModelAsync(FakeOpenAiServer.ChatModel);
        var key = await _gateway.KeyAsync();
        _gateway.Provider.HoldStreams();
        using var http = _gateway.Http(key.Secret);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/chat/completions")
        {
            Content = JsonContent.Create(new { model = model.Name, stream = true, messages = new[] { new { role = "user", content = "a long answer please" } } }),
        };

        using (var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, Cancel))
        {
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(Cancel));
            Assert.StartsWith("data: ", await reader.ReadLineAsync(Cancel));
        }

        var trace = await Poll.UntilAsync(async () => (await _gateway.TracesAsync()).FirstOrDefault(), t => t is { Status: TraceStatus.Cancelled });
        _gateway.Provider.ReleaseStreams();
        Assert.Equal(TraceStatus.Cancelled, trace?.Status);
        Assert.Contains("upstream call was cancelled", trace!.ProblemDetail);
    }

    [Fact]
    public async Task A_prompt_label_as_the_model_renders_the_variables_and_a_moved_label_counts_on_the_next_request()
    {
        var model = await _gateway.ModelAsync(FakeOpenAiServer.ChatModel);
        Guid promptId;
        await using (var scope = _gateway.Portal.Services.InTeam(_gateway.TeamId))
        {
            promptId = (await scope.Get<PromptRegistry>().CreateAsync("support", null, Cancel)).Id;
            var versions = scope.Get<PromptVersions>();
            foreach (var tone in new[] { "terse", "friendly" })
            {
                await versions.CreateAsync(promptId, new NewPromptVersion($"You are {tone}.", "Help {{$customer}} with {{$question}}", [], model.Id, new GenerationSettings(), tone), Cancel);
            }

            await scope.Get<PromptLabels>().MoveAsync(promptId, LabelNames.Production, 1, Cancel);
        }

        using var http = _gateway.Http((await _gateway.KeyAsync()).Secret);
        var request = new { model = "prompt:support@production", variables = new { customer = "Ada", question = "her parcel" } };

        using var first = await http.PostAsJsonAsync("/v1/chat/completions", request, Cancel);
        Assert.True(first.IsSuccessStatusCode, await first.Content.ReadAsStringAsync(Cancel));
        var firstSystem = SentSystemMessage();
        await using (var scope = _gateway.Portal.Services.InTeam(_gateway.TeamId))
        {
            await scope.Get<PromptLabels>().MoveAsync(promptId, LabelNames.Production, 2, Cancel);
        }

        using var second = await http.PostAsJsonAsync("/v1/chat/completions", request, Cancel);
        using var missing = await http.PostAsJsonAsync("/v1/chat/completions", new { model = "prompt:support", variables = new { customer = "Ada" } }, Cancel);

        Assert.Equal("Echo: Help Ada with her parcel", Answer(await first.Content.ReadFromJsonAsync<JsonElement>(Cancel)));
        Assert.Equal("You are terse.", firstSystem);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal("You are friendly.", SentSystemMessage());
        Assert.Equal([1, 2], (await _gateway.TracesAsync()).Where(t => t.Status == TraceStatus.Succeeded).OrderBy(t => t.StartedAt).Select(t => t.PromptVersion ?? 0));
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("question", await missing.Content.ReadAsStringAsync(Cancel));
    }

    [Fact]
    public async Task An_application_gives_feedback_on_its_own_answers_by_trace_id_but_not_on_another_keys()
    {
        var model = await _gateway.ModelAsync(FakeOpenAiServer.ChatModel);
        using var http = _gateway.Http((await _gateway.KeyAsync()).Secret);
        using var other = _gateway.Http((await _gateway.KeyAsync(new GatewayKeyInput { Name = "other app" })).Secret);
        using var answer = await http.PostAsJsonAsync("/v1/chat/completions", Chat(model.Name, "hello"), Cancel);
        var traceId = Header(answer, "x-ainative-trace-id");

        using var given = await http.PostAsJsonAsync("/v1/feedback", new { trace_id = traceId, value = "negative", comment = "Wrong parcel." }, Cancel);
        using var foreign = await other.PostAsJsonAsync("/v1/feedback", new { trace_id = traceId, value = "positive" }, Cancel);
        using var unknownCategory = await http.PostAsJsonAsync("/v1/feedback", new { trace_id = traceId, value = "meh" }, Cancel);

        Assert.Equal(HttpStatusCode.Created, given.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknownCategory.StatusCode);
        await using var scope = _gateway.Portal.Services.InTeam(_gateway.TeamId);
        var score = Assert.Single(await scope.Get<AiNative.Services.Traces.Scoring.TraceScores>().ListAsync(Guid.Parse(traceId), Cancel));
        Assert.Equal("negative", score.StringValue);
        Assert.Equal("Wrong parcel.", score.Comment);
        Assert.Equal(ScoreSource.Api, score.Source);

        // The log shows the feedback and filters by it.
        using var owner = await _gateway.Portal.SignInAsync();
        var negative = await owner.GetFromJsonAsync<TracePageDto>(
            $"/api/teams/{_gateway.TeamId}/traces?source=Gateway&scoreName=user-feedback&scoreValue=negative", PortalJson.Options, Cancel);
        var positive = await owner.GetFromJsonAsync<TracePageDto>(
            $"/api/teams/{_gateway.TeamId}/traces?source=Gateway&scoreName=user-feedback&scoreValue=positive", PortalJson.Options, Cancel);
        var listed = Assert.Single(negative!.Items);
        Assert.Equal((Guid.Parse(traceId), "negative"), (listed.Id, listed.Feedback));
        Assert.Empty(positive!.Items);
    }

    private string? SentSystemMessage() =>
        _gateway.Provider.Requests.Last(r => r.Path == "/v1/chat/completions").Body!["messages"]![0]!["content"]!.GetValue<string>();

    private int BrokenCalls() => _gateway.Provider.Requests.Count(r => r.Body?["model"]?.GetValue<string>() == FakeOpenAiServer.BrokenModel);

    private static object Chat(string model, string content, int? maxTokens = null) =>
        new { model, max_tokens = maxTokens, messages = new[] { new { role = "user", content } } };

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.Single() : throw new Xunit.Sdk.XunitException($"No {name} header; status {response.StatusCode}.");

    private static string? Answer(JsonElement completion) => completion.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString();

    private static JsonElement ErrorOf(ClientResultException exception) =>
        JsonDocument.Parse(exception.GetRawResponse()!.Content.ToString()).RootElement.GetProperty("error");
}
