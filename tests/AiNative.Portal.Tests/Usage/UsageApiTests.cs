using System.Net;
using System.Net.Http.Json;
using AiNative.Portal.Client.Contracts;
using AiNative.Portal.Client.Contracts.Usage;
using AiNative.Portal.Tests.Gateway;
using AiNative.Services.Gateway.Keys;
using AiNative.Services.Gateway.Routes;
using AiNative.Testing;
using OpenAI.Chat;

namespace AiNative.Portal.Tests.Usage;

public sealed class UsageApiTests : IAsyncLifetime
{
    private GatewayPortal _gateway = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    // A day either side, so that a run across midnight (UTC) still finds its requests.
    private static string Around => $"from={DateTime.UtcNow.AddDays(-1):yyyy-MM-dd}&to={DateTime.UtcNow.AddDays(1):yyyy-MM-dd}";

    public async ValueTask InitializeAsync() => _gateway = await GatewayPortal.StartAsync();

    public async ValueTask DisposeAsync() => await _gateway.DisposeAsync();

    [Fact]
    public async Task Gateway_requests_add_up_in_the_report_the_CSV_and_the_keys_budget_and_an_unpriced_model_reads_as_not_configured()
    {
        var priced = await _gateway.ModelAsync(FakeOpenAiServer.ChatModel, inputPrice: 2m, outputPrice: 8m);
        var unpriced = await _gateway.ModelAsync(FakeOpenAiServer.ChatModel, inputPrice: 0m, outputPrice: 0m);
        await _gateway.RouteAsync("support", [new RouteTarget(priced.Id, 1)]);
        var key = await _gateway.KeyAsync(new GatewayKeyInput { Name = "checkout", MonthlyBudget = 50m });
        var openAi = _gateway.OpenAi(key.Secret);
        foreach (var question in (string[])["Where is my parcel?", "Can I return it?", "How long does it take?"])
        {
            await openAi.GetChatClient("support").CompleteChatAsync([new UserChatMessage(question)], cancellationToken: Cancel);
        }

        await openAi.GetChatClient(unpriced.Name).CompleteChatAsync([new UserChatMessage("hello")], cancellationToken: Cancel);
        var traces = await _gateway.TracesAsync();
        var pricedCost = traces.Where(t => t.ModelId == priced.Id).Sum(t => t.Cost);
        var day = traces[0].StartedAt.UtcDateTime.ToString("yyyy-MM-dd");
        using var owner = await _gateway.Portal.SignInAsync();

        var report = (await owner.GetFromJsonAsync<UsageReportDto>(Path($"usage?{Around}&groupBy=Model&source=Gateway"), PortalJson.Options, Cancel))!;
        using var csv = await owner.GetAsync(Path($"usage/export.csv?{Around}&groupBy=Route&source=Gateway"), Cancel);
        var budgets = (await owner.GetFromJsonAsync<List<BudgetBurnDownDto>>(Path("usage/budgets"), PortalJson.Options, Cancel))!;

        Assert.True(pricedCost > 0);
        Assert.Equal([(priced.Name, 3L, pricedCost, false), (unpriced.Name, 1L, 0m, true)],
            report.Groups.Select(g => (g.Label, g.Figures.Requests, g.Figures.Cost, g.Figures.PriceNotConfigured)));
        Assert.Equal(traces.Sum(t => t.InputTokens), report.Total.InputTokens);
        Assert.Equal("text/csv; charset=utf-8", csv.Content.Headers.ContentType!.ToString());
        Assert.EndsWith("-by-route.csv", csv.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
        var lines = (await csv.Content.ReadAsStringAsync(Cancel)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("day,route,requests,errors,input_tokens,output_tokens,cost_usd,requests_without_price", lines[0]);
        Assert.Contains(lines, l => l.StartsWith($"{day},support,3,0,", StringComparison.Ordinal) && l.Contains($",{pricedCost.ToString(System.Globalization.CultureInfo.InvariantCulture)},0,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith($"{day},{unpriced.Name},1,0,", StringComparison.Ordinal) && l.Split(',')[6].Length == 0);
        var budget = Assert.Single(budgets);
        Assert.Equal(("checkout", 50m, pricedCost), (budget.KeyName, budget.Budget, budget.Spent));
        Assert.Equal(pricedCost, budget.Days[^1].SpentToDate);
    }

    [Fact]
    public async Task A_report_is_refused_for_a_period_backwards_and_for_someone_outside_the_team()
    {
        var otherTeam = await _gateway.Portal.CreateTeamAsync("Elsewhere");
        await _gateway.Portal.CreateUserAsync("outsider@example.com", "Otto Outsider", (otherTeam, AiNative.Services.Teams.TeamRole.Owner));
        using var owner = await _gateway.Portal.SignInAsync();
        using var outsider = await _gateway.Portal.SignInAsync("outsider@example.com");

        using var backwards = await owner.GetAsync(Path("usage?from=2026-05-02&to=2026-05-01"), Cancel);
        using var unknownGroup = await owner.GetAsync(Path($"usage?{Around}&groupBy=Colour"), Cancel);
        using var foreign = await outsider.GetAsync(Path($"usage?{Around}"), Cancel);
        using var foreignCsv = await outsider.GetAsync(Path($"usage/export.csv?{Around}"), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
        Assert.Contains("first day must not be after the last", await backwards.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(HttpStatusCode.BadRequest, unknownGroup.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, foreignCsv.StatusCode);
    }

    private string Path(string relative) => $"/api/teams/{_gateway.TeamId}/{relative}";
}
