using AiNative.Portal.Client.Contracts.Audit;
using AiNative.Portal.Client.Contracts.Session;
using AiNative.Portal.Components.Pages.Audit;
using AiNative.Portal.Tests.Components.Fakes;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace AiNative.Portal.Tests.Components;

public sealed class AuditTableTests : PortalComponentTest
{
    private readonly FakeAuditApi _api = new();

    public AuditTableTests() => Services.AddSingleton<IAuditApi>(_api);

    [Fact]
    public void The_team_trail_shows_newest_first_and_offers_its_people_and_kinds_as_filters()
    {
        var page = RenderWithPopovers<TeamAuditPage>(p => p.AddCascadingValue(SessionAs(TeamRoleDto.Viewer)));

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=audit-table] tbody tr").Count));
        var rows = page.FindAll("[data-testid=audit-table] tbody tr");
        Assert.Contains("greeting", rows[0].TextContent);
        Assert.Contains("Bob Builder", rows[1].TextContent);
        Assert.Equal(new AuditQueryDto(Page: 0, PageSize: 25), _api.Queries.Last());
    }

    [Fact]
    public async Task Choosing_a_user_and_a_kind_reloads_the_trail_with_both_filters()
    {
        var page = RenderWithPopovers<TeamAuditPage>(p => p.AddCascadingValue(SessionAs(TeamRoleDto.Viewer)));
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=audit-table] tbody tr").Count));

        var user = page.FindComponent<MudSelect<Guid?>>();
        await page.InvokeAsync(() => user.Instance.ValueChanged.InvokeAsync(FakeAuditApi.Ada.Id));
        var kind = page.FindComponent<MudSelect<string>>();
        await page.InvokeAsync(() => kind.Instance.ValueChanged.InvokeAsync("Member"));

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=audit-table] tbody tr")));
        Assert.Contains("Bob Builder", page.Find("[data-testid=audit-table] tbody tr").TextContent);
        Assert.Equal((FakeAuditApi.Ada.Id, "Member"), (_api.Queries.Last().ActorId, _api.Queries.Last().ObjectKind));
    }

    [Fact]
    public async Task A_date_range_asks_for_whole_days_in_utc()
    {
        var page = RenderWithPopovers<TeamAuditPage>(p => p.AddCascadingValue(SessionAs(TeamRoleDto.Viewer)));
        page.WaitForAssertion(() => Assert.NotEmpty(_api.Queries));

        var dates = page.FindComponent<MudDateRangePicker>();
        await page.InvokeAsync(() => dates.Instance.DateRangeChanged.InvokeAsync(new DateRange(new DateTime(2026, 3, 1), new DateTime(2026, 3, 2))));

        page.WaitForAssertion(() => Assert.NotNull(_api.Queries.Last().From));
        var query = _api.Queries.Last();
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero), query.From);
        Assert.Equal(new DateTimeOffset(2026, 3, 3, 0, 0, 0, TimeSpan.Zero).AddTicks(-1), query.To);
    }

    [Fact]
    public void Without_a_team_the_page_says_how_to_get_one()
    {
        var session = SessionAs(TeamRoleDto.Viewer) with { CurrentTeam = null, Teams = [] };

        var page = RenderWithPopovers<TeamAuditPage>(p => p.AddCascadingValue(session));

        Assert.Contains("Ask an administrator to add you to one", page.Markup);
        Assert.Empty(_api.Queries);
    }
}
