using System.Net;
using Deque.AxeCore.Playwright;
using JourneyBot.Domain;
using JourneyBot.Tests.Map;
using Microsoft.Playwright;

namespace JourneyBot.Tests.Portfolio;

// The portfolio on the tab, through the real endpoint with Teams SSO tokens: a person sees exactly the programs
// they are part of; a member of the admin group every program of their tenant and none of another's.
public sealed class PortfolioTabTests(MapWorld world) : IClassFixture<MapWorld>
{
    private static readonly string Gallery = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "MapGallery")).FullName;

    // Two programs of one tenant, the contact in the first only, and one program of another tenant.
    private async Task<(JourneyProgram Mine, JourneyProgram NotMine, JourneyProgram OtherTenant)> ProgramsAsync()
    {
        var mine = await world.ImportAsync(MapSamples.Program() with { Charter = MapSamples.Program().Charter with { Name = "Home move <b>bold</b>" } });
        var notMine = await world.ImportAsync(MapSamples.Program(tenantId: mine.TenantId) with
        {
            Charter = MapSamples.Program().Charter with
            {
                Name = "Boiler repair", Owners = [new("boss-oid", "Bo Boss")], Sponsors = [],
                Departments = [new("billing", "Billing", [new("billing-oid", "Bill")])],
            },
        });
        var otherTenant = await world.ImportAsync(MapSamples.Program() with
        {
            Charter = MapSamples.Program().Charter with { Name = "Other tenant's journey" },
        });
        return (mine, notMine, otherTenant);
    }

    private async Task<string> ContentAsync(string tenantId, string objectId, IReadOnlyList<string>? groups = null)
    {
        var response = await world.GetAsync("/map/portfolio/content", world.Entra.Token(tenantId, objectId, world.ClientId, groups: groups));
        Assert.True(response.StatusCode == HttpStatusCode.OK,
            string.Join("\n", world.Logs.Lines.Where(l => l.Contains("Exception", StringComparison.Ordinal)).TakeLast(3)));
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task AStrangerSeesNoProgram()
    {
        var (mine, notMine, _) = await ProgramsAsync();
        var html = await ContentAsync(mine.TenantId, "stranger-oid");
        Assert.Contains("not part of any journey-mapping program", html);
        Assert.DoesNotContain("Home move", html);
        Assert.DoesNotContain(notMine.Charter.Name, html);
        // Someone else's group id is not the admin group.
        Assert.DoesNotContain("Boiler", await ContentAsync(mine.TenantId, "stranger-oid", [Guid.NewGuid().ToString()]));
    }

    [Fact]
    public async Task AMemberOfOneProgramSeesThatOneWithItsFiguresAndALinkToItsMap()
    {
        var (mine, notMine, otherTenant) = await ProgramsAsync();
        var html = await ContentAsync(mine.TenantId, MapSamples.Contact.AadObjectId);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "class=\"portfolio-row"));
        Assert.Contains($"href=\"/map/{mine.Id}\"", html);
        // Typed text literally.
        Assert.Contains("Home move &lt;b&gt;bold&lt;/b&gt;", html);
        Assert.Contains("contributor", html);
        Assert.Contains("Overdue actions</dt><dd>1</dd>", html);
        Assert.DoesNotContain(notMine.Charter.Name, html);
        Assert.DoesNotContain(otherTenant.Charter.Name, html);
    }

    [Fact]
    public async Task AMemberOfTheAdminGroupSeesEveryProgramOfTheirTenantAndNoneOfAnother()
    {
        var (mine, notMine, otherTenant) = await ProgramsAsync();
        var html = await ContentAsync(mine.TenantId, "cx-lead-oid", [Guid.NewGuid().ToString(), world.AdminGroupId]);
        Assert.Contains($"data-program=\"{mine.Id}\"", html);
        Assert.Contains($"data-program=\"{notMine.Id}\"", html);
        Assert.Contains("portfolio admin group", html);
        Assert.DoesNotContain(otherTenant.Id, html);
        Assert.DoesNotContain(otherTenant.Charter.Name, html);
        // Sorted by what needs attention, most first.
        var attention = System.Text.RegularExpressions.Regex.Matches(html, "data-attention=\"([0-9.]+)\"")
            .Select(m => double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(2, attention.Count);
        Assert.True(attention[0] > 0);
        Assert.Equal(attention.OrderDescending(), attention);

        // The same group in another tenant's token opens nothing of this tenant.
        var elsewhere = await ContentAsync(otherTenant.TenantId, "cx-lead-oid", [world.AdminGroupId]);
        Assert.DoesNotContain(mine.Id, elsewhere);
        Assert.Contains(otherTenant.Id, elsewhere);
    }

    [Fact]
    public async Task WithoutAGoodTokenThePortfolioIsRefused()
    {
        var (mine, _, _) = await ProgramsAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, (await world.GetAsync("/map/portfolio/content", null)).StatusCode);
        var forged = world.Entra.Token(mine.TenantId, MapSamples.Owner.AadObjectId, world.ClientId, signWith: TestEntra.ForgedKey(),
            groups: [world.AdminGroupId]);
        var refused = await world.GetAsync("/map/portfolio/content", forged);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.DoesNotContain("Home move", await refused.Content.ReadAsStringAsync());
        // A plain browser is told to open it in Teams.
        Assert.Contains("Open this map in Microsoft Teams", await (await world.GetAsync("/map/portfolio", null)).Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("default", 1280)]
    [InlineData("dark", 1280)]
    [InlineData("contrast", 1280)]
    [InlineData("default", 340)]
    [InlineData("dark", 340)]
    [InlineData("contrast", 340)]
    public async Task ThePortfolioPageHasNoSeriousAccessibilityViolationsInEachThemeAndWidth(string theme, int width)
    {
        var (mine, _, _) = await ProgramsAsync();
        await using var host = await TeamsHost.StartAsync();
        var (page, tab) = await host.OpenAsync(world.App.BaseAddress, "/map/portfolio?inTeams=1",
            world.Entra.Token(mine.TenantId, MapSamples.Owner.AadObjectId, world.ClientId), theme, width: width, height: 800);
        await Assertions.Expect(tab.Locator("h1")).ToHaveTextAsync("Portfolio");
        await Assertions.Expect(tab.Locator("html")).ToHaveAttributeAsync("data-theme", theme);
        Assert.Equal(1, await tab.Locator("li.portfolio-row").CountAsync());

        var results = await page.RunAxe();
        var serious = results.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Target?.ToString() ?? ""))}").ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious));
        var wide = await tab.Locator("body").EvaluateAsync<int>("b => b.scrollWidth - window.innerWidth");
        Assert.True(wide <= 1, $"the page scrolls sideways by {wide} px at {width} px");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Gallery, $"portfolio-{theme}-{width}.png"), FullPage = true });

        // Each row opens its program's map inside the tab.
        await tab.Locator($"li.portfolio-row[data-program={mine.Id}] h2 a").ClickAsync();
        await Assertions.Expect(tab.Locator("h1")).ToHaveTextAsync(mine.Charter.Name);
        Assert.Empty(host.PageErrors);
    }
}
