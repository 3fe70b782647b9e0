using System.Net;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using JourneyBot.Domain;
using JourneyBot.Tests.Map;
using Microsoft.Playwright;

namespace JourneyBot.Tests.Portfolio;

// The portfolio on the tab, through the real endpoint with Teams SSO tokens: a person sees exactly the programs
// they are part of; a member of the admin group every program of their tenant and none of another's.
public sealed class PortfolioTabTests(MapWorld world) : IClassFixture<MapWorld>
{
    private static readonly string Gallery =
        Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "MapGallery")).FullName;

    // Two programs of one tenant, the contact in the first only, and one program of another tenant.
    private async Task<(JourneyProgram Mine, JourneyProgram NotMine, JourneyProgram OtherTenant)> ProgramsAsync()
    {
        var mine = await world.ImportAsync(MapSamples.Program() with
        {
            Charter = MapSamples.Program().Charter with { Name = "Home move <b>bold</b>" },
        });
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
        var response = await world.GetAsync("/map/portfolio/content",
            world.Entra.Token(tenantId, objectId, world.ClientId, groups: groups));
        Assert.True(response.StatusCode == HttpStatusCode.OK, Exceptions());
        return await response.Content.ReadAsStringAsync();
    }

    private string Exceptions() =>
        string.Join("\n", world.Logs.Lines.Where(l => l.Contains("Exception", StringComparison.Ordinal)).TakeLast(3));

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
        var forged = world.Entra.Token(mine.TenantId, MapSamples.Owner.AadObjectId, world.ClientId,
            signWith: TestEntra.ForgedKey(), groups: [world.AdminGroupId]);
        var refused = await world.GetAsync("/map/portfolio/content", forged);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.DoesNotContain("Home move", await refused.Content.ReadAsStringAsync());
        // A plain browser is told to open it in Teams.
        var plain = await world.GetAsync("/map/portfolio", null);
        Assert.Contains("Open this map in Microsoft Teams", await plain.Content.ReadAsStringAsync());
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
            world.Entra.Token(mine.TenantId, MapSamples.Owner.AadObjectId, world.ClientId), theme, width: width,
            height: 800);
        await Assertions.Expect(tab.Locator("h1")).ToHaveTextAsync("Portfolio");
        await Assertions.Expect(tab.Locator("html")).ToHaveAttributeAsync("data-theme", theme);
        Assert.Equal(1, await tab.Locator("li.portfolio-row").CountAsync());

        await AssertReadableAsync(page, tab, width, $"portfolio-{theme}-{width}.png");


        // Each row opens its program's map inside the tab.
        await tab.Locator($"li.portfolio-row[data-program={mine.Id}] h2 a").ClickAsync();
        await Assertions.Expect(tab.Locator("h1")).ToHaveTextAsync(mine.Charter.Name);
        Assert.Empty(host.PageErrors);
    }

    // Windows high contrast and "more contrast" reach the tab as the OS's forced colours, not as a Teams theme:
    // emulated on the whole browser page (the framed tab included), the page must stay readable in them.
    [Theory]
    [InlineData(1280)]
    [InlineData(340)]
    public async Task ThePortfolioPageStaysReadableInForcedColoursAndDarkContrast(int width)
    {
        var (mine, notMine, _) = await ProgramsAsync();
        await using var host = await TeamsHost.StartAsync();
        var (page, tab) = await host.OpenAsync(world.App.BaseAddress, "/map/portfolio?inTeams=1",
            world.Entra.Token(mine.TenantId, "cx-lead-oid", world.ClientId, groups: [world.AdminGroupId]),
            "default", width: width, height: 800);
        await page.EmulateMediaAsync(new PageEmulateMediaOptions
        {
            ForcedColors = ForcedColors.Active, ColorScheme = ColorScheme.Dark, Contrast = Contrast.More,
        });
        await Assertions.Expect(tab.Locator("h1")).ToHaveTextAsync("Portfolio");
        Assert.Equal(2, await tab.Locator("li.portfolio-row").CountAsync());
        // The emulation reached the framed tab, or this test would check nothing new.
        Assert.True(await tab.Locator("html").EvaluateAsync<bool>(
            "_ => matchMedia('(forced-colors: active)').matches && matchMedia('(prefers-color-scheme: dark)')" +
            ".matches && matchMedia('(prefers-contrast: more)').matches"));
        // Forced colours drop the rows' coloured edges: each row's state must still be in words.
        foreach (var id in new[] { mine.Id, notMine.Id })
        {
            var status = tab.Locator($"li.portfolio-row[data-program={id}] .status");
            await Assertions.Expect(status).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("\\w"));
        }

        // axe's color-contrast rule cannot judge forced colours: it takes the text colour before forcing and the
        // background after (dequelabs/axe-core#3978), so it reports dark grey on black for the white text that is
        // drawn. Every other rule runs; contrast is measured on the colours Chromium actually forces.
        await AssertReadableAsync(page, tab, width, $"portfolio-forced-colours-{width}.png",
            new AxeRunOptions
            {
                Rules = new Dictionary<string, RuleOptions> { ["color-contrast"] = new() { Enabled = false } },
            });

        var contrast = await tab.Locator("html").EvaluateAsync<string[]>(ForcedContrast);
        Assert.True(contrast[0] == "checked", string.Join("\n", contrast));
        // The measure can fail: a heading that opts out of forcing, dark grey on black, is caught.
        await tab.Locator("h1").EvaluateAsync(
            "h => h.style.cssText = 'forced-color-adjust: none; color: #333; background: #000'");
        var broken = await tab.Locator("html").EvaluateAsync<string[]>(ForcedContrast);
        Assert.Contains(broken, f => f.StartsWith("H1 \"Portfolio\"", StringComparison.Ordinal));
        Assert.Empty(host.PageErrors);

    }

    // Each element with text of its own: its computed (forced) colour against the first opaque background behind
    // it, at WCAG AA (4.5:1, 3:1 for large text). Answers ["checked", n] or the failures.
    private const string ForcedContrast = """
        () => {
          const rgb = c => (c.match(/[\d.]+/g) || []).map(Number);
          const lum = ([r, g, b]) => [r, g, b].map(v => v / 255)
            .map(v => v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4))
            .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
          const background = el => {
            for (let e = el; e; e = e.parentElement) {
              const c = rgb(getComputedStyle(e).backgroundColor);
              if (c.length === 3 || c[3] > 0) return c;
            }
            return [255, 255, 255];
          };
          const failures = [];
          let checked = 0;
          for (const el of document.body.querySelectorAll('*')) {
            const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
            const style = getComputedStyle(el);
            if (!own || style.visibility === 'hidden' || el.getClientRects().length === 0) continue;
            const a = lum(rgb(style.color)), b = lum(background(el));
            const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
            const size = parseFloat(style.fontSize), bold = Number(style.fontWeight) >= 700;
            const needed = size >= 24 || (size >= 18.66 && bold) ? 3 : 4.5;
            checked++;
            if (ratio < needed) failures.push(`${el.tagName} "${el.textContent.trim().slice(0, 30)}": ` +
              `${ratio.toFixed(2)} (${style.color} on ${background(el)})`);
          }
          return failures.length > 0 || checked === 0 ? failures.concat([`${checked} checked`])
            : ['checked', String(checked)];
        }
        """;

    // Regression: a program with touchpoints and no departments yet (an imported file, a charter mid-setup) made
    // health throw, so its map and every portfolio holding it failed.
    [Fact]
    public async Task AProgramWithTouchpointsButNoDepartmentsStillHasAMapAndAPortfolioRow()
    {
        var sample = MapSamples.Program();
        var program = await world.ImportAsync(sample with { Charter = sample.Charter with { Departments = [] } });
        Assert.NotEmpty(program.Touchpoints);

        var map = await world.GetAsync($"/map/{program.Id}/content",
            world.TokenFor(program, MapSamples.Owner.AadObjectId));
        Assert.True(map.StatusCode == HttpStatusCode.OK, Exceptions());
        Assert.Contains("Reads the moving checklist online", await map.Content.ReadAsStringAsync());

        var html = await ContentAsync(program.TenantId, MapSamples.Owner.AadObjectId);
        Assert.Contains($"data-program=\"{program.Id}\"", html);
        Assert.Contains("Overdue actions</dt><dd>1</dd>", html);
        Assert.DoesNotContain("Departments contribute", html);
    }

    // What the theme tests check: no serious axe violation, no sideways scrolling; a picture for the gallery.
    private static async Task AssertReadableAsync(IPage page, IFrameLocator tab, int width, string picture,
        AxeRunOptions? options = null)
    {
        // Taken first, so a failing check leaves the picture to look at.
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(Gallery, picture), FullPage = true,
        });
        var results = await page.RunAxe(options);
        var serious = results.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): " + string.Join(" | ", v.Nodes.Take(3)
                .Select(n => $"{n.Target} {n.Any?.FirstOrDefault()?.Message}")))

            .ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious));
        var wide = await tab.Locator("body").EvaluateAsync<int>("b => b.scrollWidth - window.innerWidth");
        Assert.True(wide <= 1, $"the page scrolls sideways by {wide} px at {width} px");
    }
}
