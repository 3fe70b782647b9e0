using System.Globalization;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace JourneyBot.Tests.Map;

// The map as Teams shows it: the tab framed by a stand-in Teams client, signed in with a test SSO token,
// rendered by Debian's Chromium. One PNG per view under the test output's MapGallery/ folder.
public sealed class MapBrowserTests(MapWorld world) : IClassFixture<MapWorld>
{
    private static readonly string Gallery = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "MapGallery")).FullName;

    [Fact]
    public async Task LanesCountsAndCurveMatchTheDataAndFiltersAndHealthLinksChangeTheView()
    {
        var program = await world.ImportAsync(MapSamples.Program());
        await using var host = await TeamsHost.StartAsync();
        var (page, tab) = await host.OpenAsync(world.App.BaseAddress, $"/map/{program.Id}?inTeams=1", world.TokenFor(program, MapSamples.Contact.AadObjectId));

        await Assertions.Expect(tab.Locator("h1")).ToHaveTextAsync(program.Charter.Name);
        var stages = tab.Locator("table.lanes thead th[data-stage]");
        Assert.Equal(["plan", "tell", "settle"], await stages.EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.stage)"));
        Assert.Equal(["1", "2", "2"], await stages.EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.count)"));
        Assert.Equal(5, await tab.Locator("td[data-lane=touchpoints] article.tp").CountAsync());
        Assert.Equal(["t2", "t3"], await tab.Locator("td[data-lane=pain] li.pain > a").EvaluateAllAsync<string[]>("els => els.map(a => a.getAttribute('href').slice(4))"));
        // Critical as map health counts it: pain where the customer feels negative (emotion -1 or lower).
        Assert.Equal(2, await tab.Locator("li.pain.critical").CountAsync());
        Assert.Equal(1, await tab.Locator("li.action.overdue").CountAsync());
        Assert.Equal(1, await tab.Locator("article.tp.stale").CountAsync());
        Assert.Equal(2, await tab.Locator("a.lookalike").CountAsync());
        var averages = await tab.Locator("svg.curve circle.point").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.stage + '=' + e.dataset.average)");
        Assert.Equal(["plan=1", "tell=-1.5", "settle=2"], averages);
        // The curve's dots sit where the emotions are: y = top + (2 - emotion) / 4 * height.
        var y = await tab.Locator("svg.curve circle.point[data-stage=tell]").GetAttributeAsync("cy");
        Assert.Equal(20 + (2 - -1.5) / 4 * 140, double.Parse(y!, CultureInfo.InvariantCulture), 1);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Gallery, "stages-default.png"), FullPage = true });

        // Filter: renters only; the tab's URL keeps it.
        await tab.Locator("select[name=persona]").SelectOptionAsync("renter");
        await tab.Locator("#filters button[type=submit]").ClickAsync();
        await Assertions.Expect(tab.Locator("#summary")).ToContainTextAsync("3 of 5");
        Assert.Contains("persona=renter", await TabUrlAsync(page));
        Assert.Equal(["1", "1", "1"], await tab.Locator("table.lanes thead th[data-stage]").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.count)"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Gallery, "filtered-renter.png"), FullPage = true });

        // Health link: the evidence check shows the assumed touchpoints.
        await tab.Locator("li.check[data-check=evidence] a").ClickAsync();
        await Assertions.Expect(tab.Locator("select[name=evidence]")).ToHaveValueAsync("assumption");
        Assert.Contains("evidence=assumption", await TabUrlAsync(page));
        Assert.All(await tab.Locator("article.tp .badge.assumption, article.tp .badge.data").AllTextContentsAsync(), b => Assert.Equal("Assumption", b));

        // Departments as swimlanes, empty cells visible.
        await tab.Locator("a.reset").ClickAsync();
        // The reset is a navigation: wait for the new page (filter cleared) before using its form, or the next
        // submit can land on the page being replaced.
        await Assertions.Expect(tab.Locator("select[name=evidence]")).ToHaveValueAsync("");
        await Assertions.Expect(tab.Locator("#summary")).ToContainTextAsync("5 active touchpoints");
        await tab.Locator("select[name=view]").SelectOptionAsync("departments");
        await tab.Locator("#filters button[type=submit]").ClickAsync();
        await Assertions.Expect(tab.Locator("table.swim")).ToBeVisibleAsync();
        Assert.Equal(3, await tab.Locator("table.swim tbody tr").CountAsync());
        Assert.Equal(9 - 5, await tab.Locator("table.swim td.empty-cell").CountAsync());
        Assert.Equal("2", await tab.Locator("table.swim td[data-stage=tell][data-department=billing], table.swim td[data-stage=tell][data-department=support]").EvaluateAllAsync<string>("els => String(els.length)"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Gallery, "departments.png"), FullPage = true });

        Assert.Empty(host.PageErrors);
        Assert.Contains("authentication.getAuthToken", await page.EvaluateAsync<string[]>("() => window.calls"));
    }

    [Fact]
    public async Task AChannelTabIsPinnedToTheProgramChosenOnItsConfigurationPage()
    {
        var program = await world.ImportAsync(MapSamples.Program());
        await using var host = await TeamsHost.StartAsync();
        var (page, tab) = await host.OpenAsync(world.App.BaseAddress, "/map/configure?inTeams=1", world.TokenFor(program, MapSamples.Owner.AadObjectId), frameContext: "settings");

        await tab.Locator($"a.program[data-program='{program.Id}']").ClickAsync();

        await Assertions.Expect(tab.Locator("#chosen")).ToHaveTextAsync($"Chosen: {program.Charter.Name}. Select Save.");
        // Teams enables Save only once the page says the choice is valid; choosing did not leave the page.
        var validity = await TeamsHost.CallsAsync(page, "settings.setValidityState");
        Assert.True(validity[validity.GetArrayLength() - 1][0].GetBoolean());
        Assert.EndsWith("/map/configure?inTeams=1", await TabUrlAsync(page));

        await TeamsHost.SaveConfigurationAsync(page);

        await page.WaitForFunctionAsync("() => window.calls.includes('settings.save.success')");
        var saved = (await TeamsHost.CallsAsync(page, "settings.setSettings"))[0][0];
        Assert.Equal("map-" + program.Id, saved.GetProperty("entityId").GetString());
        Assert.Equal(new Uri(world.App.BaseAddress, $"/map/{program.Id}?inTeams=1").ToString(), saved.GetProperty("contentUrl").GetString());
        Assert.Equal("Map", saved.GetProperty("suggestedDisplayName").GetString());
        Assert.DoesNotContain("settings.save.failure", await page.EvaluateAsync<string[]>("() => window.calls"));
        Assert.Empty(host.PageErrors);
    }

    [Fact]
    public async Task EveryTouchpointIsReachableByKeyboard()
    {
        var program = await world.ImportAsync(MapSamples.Program());
        await using var host = await TeamsHost.StartAsync();
        var (page, tab) = await host.OpenAsync(world.App.BaseAddress, $"/map/{program.Id}?inTeams=1", world.TokenFor(program, MapSamples.Owner.AadObjectId));
        await Assertions.Expect(tab.Locator("article.tp").First).ToBeVisibleAsync();
        await tab.Locator("select[name=view]").FocusAsync();
        var reached = new HashSet<string>();
        for (var i = 0; i < 120 && reached.Count < program.Touchpoints.Count; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = await tab.Locator(":focus").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.touchpoint || '')");
            foreach (var id in focused.Where(f => f.Length > 0)) reached.Add(id);
        }
        Assert.Equal(program.Touchpoints.Select(t => t.Id).Order(), reached.Order());
    }

    [Theory]
    [InlineData("default")]
    [InlineData("dark")]
    [InlineData("contrast")]
    public async Task TheTeamsThemeIsFollowedWithNoSeriousAccessibilityViolations(string theme)
    {
        var program = await world.ImportAsync(MapSamples.Program());
        await using var host = await TeamsHost.StartAsync();
        var (page, tab) = await host.OpenAsync(world.App.BaseAddress, $"/map/{program.Id}?inTeams=1", world.TokenFor(program, MapSamples.Sponsor.AadObjectId), theme);
        await Assertions.Expect(tab.Locator("h1")).ToHaveTextAsync(program.Charter.Name);
        await Assertions.Expect(tab.Locator("html")).ToHaveAttributeAsync("data-theme", theme);

        var results = await page.RunAxe();
        var serious = results.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {string.Join(" | ", v.Nodes.Take(3).Select(n => string.Join(" ", n.Target?.ToString() ?? "")))}").ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Gallery, $"theme-{theme}.png"), FullPage = true });

        // Teams tells the tab when the theme changes.
        var next = theme == "dark" ? "default" : "dark";
        await TeamsHost.ChangeThemeAsync(page, next);
        await Assertions.Expect(tab.Locator("html")).ToHaveAttributeAsync("data-theme", next);
    }

    [Fact]
    public async Task WithoutATokenTheTabShowsNoDataAndNoRequestLeavesTheMachine()
    {
        var program = await world.ImportAsync(MapSamples.Program());
        await using var host = await TeamsHost.StartAsync();
        var (page, tab) = await host.OpenAsync(world.App.BaseAddress, $"/map/{program.Id}?inTeams=1", token: null);
        await Assertions.Expect(tab.Locator("h1")).ToHaveTextAsync("Could not sign you in");
        Assert.Equal(0, await tab.Locator("article.tp").CountAsync());
        Assert.DoesNotContain(program.Charter.Name, await tab.Locator("body").InnerTextAsync());
    }

    [Fact]
    public async Task ThePersonalTabAsksWhichProgramRemembersItAndIsReadableAt320Pixels()
    {
        var program = await world.ImportAsync(MapSamples.Program());
        await using var host = await TeamsHost.StartAsync();
        var token = world.TokenFor(program, MapSamples.Contact.AadObjectId);
        var (page, tab) = await host.OpenAsync(world.App.BaseAddress, "/map/?inTeams=1", token, width: 340, height: 700);
        await tab.Locator($"a.program[data-program={program.Id}]").ClickAsync();
        await Assertions.Expect(tab.Locator("h1")).ToHaveTextAsync(program.Charter.Name);
        var wide = await tab.Locator("body").EvaluateAsync<string[]>(
            "b => b.scrollWidth <= window.innerWidth + 1 ? [] : [...b.querySelectorAll('*')].filter(e => !e.closest('.scroll') && e.getBoundingClientRect().right > window.innerWidth + 1).slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))");
        Assert.True(wide.Length == 0, "the page itself scrolls sideways at 320 px (only the lanes may): " + string.Join(", ", wide));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Gallery, "narrow-320.png"), FullPage = true });

        // Opening the personal tab again goes straight to the remembered program.
        await page.EvaluateAsync("() => document.getElementById('tab').src = document.getElementById('tab').src.replace(/\\/map\\/.*$/, '/map/?inTeams=1')");
        await Assertions.Expect(tab.Locator("h1")).ToHaveTextAsync(program.Charter.Name);
    }

    [Fact]
    public async Task PngIsMadeInTheBrowserFromTheSvgExport()
    {
        var program = await world.ImportAsync(MapSamples.Program());
        await using var host = await TeamsHost.StartAsync();
        var (page, tab) = await host.OpenAsync(world.App.BaseAddress, $"/map/{program.Id}?inTeams=1", world.TokenFor(program, MapSamples.Owner.AadObjectId));
        await Assertions.Expect(tab.Locator("button[data-png]")).ToBeVisibleAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => tab.Locator("button[data-png]").ClickAsync());
        var path = Path.Combine(Gallery, "export.png");
        await download.SaveAsAsync(path);
        var bytes = await File.ReadAllBytesAsync(path);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes.Take(4));
        Assert.True(bytes.Length > 5_000, $"PNG of {bytes.Length} bytes");
    }

    [Fact]
    public async Task PrintHidesTheControlsAndShowsEveryLaneAndFoldedTouchpoint()
    {
        // Nine touchpoints in the first stage: three of them fold behind "3 more" on screen.
        var sample = MapSamples.Program();
        var program = await world.ImportAsync(sample with
        {
            Touchpoints = [.. sample.Touchpoints, .. Enumerable.Range(0, 8).Select(i => sample.Touchpoints[0] with { Id = $"extra{i}", CustomerAction = $"Reads moving tip {i}" })],
        });
        await using var host = await TeamsHost.StartAsync();
        var (page, tab) = await host.OpenAsync(world.App.BaseAddress, $"/map/{program.Id}?inTeams=1", world.TokenFor(program, MapSamples.Owner.AadObjectId));
        await Assertions.Expect(tab.Locator("td[data-lane=touchpoints][data-stage=plan] details.more summary")).ToHaveTextAsync("3 more");
        await Assertions.Expect(tab.Locator("#tp-extra7")).ToBeHiddenAsync();

        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        foreach (var control in new[] { "#filters", "nav.exports", "button[data-png]", "a.reset" }) await Assertions.Expect(tab.Locator(control)).ToBeHiddenAsync();
        foreach (var lane in new[] { "#lane-touchpoints", "#lane-pain", "#lane-backstage", "#curve svg", "#health" }) await Assertions.Expect(tab.Locator(lane)).ToBeVisibleAsync();
        var touchpoints = tab.Locator("article.tp");
        Assert.Equal(program.Touchpoints.Count, await touchpoints.CountAsync());
        for (var i = 0; i < program.Touchpoints.Count; i++) await Assertions.Expect(touchpoints.Nth(i)).ToBeVisibleAsync();
        // Readable on paper: black on white, and the lanes are not clipped by their scroll box.
        Assert.Equal(["rgb(0, 0, 0)", "rgb(255, 255, 255)", "visible"], await tab.Locator("#lanes .scroll").EvaluateAsync<string[]>(
            "e => [getComputedStyle(document.documentElement).color, getComputedStyle(document.documentElement).backgroundColor, getComputedStyle(e).overflowX]"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Gallery, "print.png"), FullPage = true });
    }

    [Theory]
    [InlineData("touchpoints.csv")]
    [InlineData("actions.csv")]
    [InlineData("map.svg")]
    [InlineData("program.json")]
    public async Task DownloadsFromThePageCarryTheirContent(string file)
    {
        var program = await world.ImportAsync(MapSamples.Program());
        await using var host = await TeamsHost.StartAsync();
        var (page, tab) = await host.OpenAsync(world.App.BaseAddress, $"/map/{program.Id}?inTeams=1", world.TokenFor(program, MapSamples.Sponsor.AadObjectId));
        var link = tab.Locator($"nav.exports a[data-export=\"{file}\"]");
        await Assertions.Expect(link).ToBeVisibleAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        Assert.Equal(file, download.SuggestedFilename);
        var path = Path.Combine(Path.GetTempPath(), $"{program.Id}-{file}");
        await download.SaveAsAsync(path);
        try
        {
            var text = await File.ReadAllTextAsync(path);
            switch (file)
            {
                case "touchpoints.csv":
                    var rows = MapExportTests.ParseCsv(text);
                    Assert.Equal("id", rows[0][0]);
                    Assert.Equal(program.Touchpoints.Select(t => t.Id).Order(), rows.Skip(1).Select(r => r[0]).Order());
                    Assert.All(rows, r => Assert.Equal(rows[0].Count, r.Count));
                    break;
                case "actions.csv":
                    var actions = MapExportTests.ParseCsv(text);
                    Assert.Equal(["a1", "a2"], actions.Skip(1).Select(r => r[0]).Order());
                    Assert.Equal("'@SUM(A1:A9) share one address record", actions.Single(r => r[0] == "a2")[1]);
                    break;
                case "map.svg":
                    var svg = System.Xml.Linq.XDocument.Parse(text);
                    Assert.Equal("svg", svg.Root!.Name.LocalName);
                    Assert.Contains("Home move <script>", svg.Root.Elements().First(e => e.Name.LocalName == "title").Value);
                    break;
                default:
                    var back = JourneyBot.Domain.ProgramFile.Read(text);
                    Assert.Equal(program.Id, back.Id);
                    Assert.Equal(program.Touchpoints.Select(t => t.Id).Order(), back.Touchpoints.Select(t => t.Id).Order());
                    break;
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    // The picture README shows (manifest/screenshots/map.png is a copy of it): a program with an ordinary name.
    [Fact]
    public async Task TheStagesViewForTheReadme()
    {
        var sample = MapSamples.Program();
        var program = await world.ImportAsync(sample with { Charter = sample.Charter with { Name = "Home move" } });
        await using var host = await TeamsHost.StartAsync();
        var (page, tab) = await host.OpenAsync(world.App.BaseAddress, $"/map/{program.Id}?inTeams=1", world.TokenFor(program, MapSamples.Owner.AadObjectId), width: 1200, height: 820);
        await Assertions.Expect(tab.Locator("h1")).ToHaveTextAsync("Home move");
        Assert.Equal(5, await tab.Locator("td[data-lane=touchpoints] article.tp").CountAsync());
        await page.Locator("#tab").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(Gallery, "readme-map.png") });
    }

    private static Task<string> TabUrlAsync(IPage page) => Task.FromResult(page.Frames.Single(f => f.Url.Contains("/map/", StringComparison.Ordinal)).Url);
}
