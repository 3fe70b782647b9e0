using Deque.AxeCore.Playwright;
using JourneyBot.Domain;
using Microsoft.Playwright;

namespace JourneyBot.Tests.Map;

// Each outcome metric's trend on the tab, in Chromium inside the stand-in Teams client: drawn from the figures,
// with its tables for screen readers, free of serious accessibility violations in every Teams theme, at a phone's
// 320 px and on a wide screen.
public sealed class TrendChartBrowserTests(MapWorld world) : IClassFixture<MapWorld>
{
    private static readonly string Gallery = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "MapGallery")).FullName;

    private static JourneyProgram WithTrends()
    {
        var sample = MapSamples.Program();
        var today = MapSamples.Today;
        var metrics = new[]
        {
            new Metric("m1", "Churn <b>after</b> a move", MetricKind.Outcome, 14, 7, "%"),
            new Metric("m2", "Movers' satisfaction", MetricKind.Outcome, 6.1m, 7.5m, "score", CadenceDays: 90),
        };
        var readings = Enumerable.Range(0, 4).Select(i => new MetricReading
        {
            MetricId = "m1", Value = 14 - i * 1.5m, On = today.AddDays(-90 + i * 30), RecordedBy = MapSamples.Owner,
            Source = i == 0 ? ReadingSource.Imported : ReadingSource.Typed,
        }).ToList();
        var actions = sample.Actions.Select((a, i) => i == 0
            ? a with { MetricId = "m1", Status = ActionStatus.Done, StartedOn = today.AddDays(-65), DoneOn = today.AddDays(-45), DueOn = today.AddDays(-40) }
            : a with { MetricId = "m1" }).ToList();
        return sample with { Charter = sample.Charter with { Metrics = metrics }, Readings = readings, Actions = actions };
    }

    [Theory]
    [InlineData("default", 320)]
    [InlineData("dark", 320)]
    [InlineData("contrast", 320)]
    [InlineData("default", 1280)]
    [InlineData("dark", 1280)]
    [InlineData("contrast", 1280)]
    public async Task TheTrendIsDrawnAccessiblyInEveryThemeAtEveryWidth(string theme, int width)
    {
        var program = await world.ImportAsync(WithTrends());
        await using var host = await TeamsHost.StartAsync();
        var (page, tab) = await host.OpenAsync(world.App.BaseAddress, $"/map/{program.Id}?inTeams=1",
            world.TokenFor(program, MapSamples.Sponsor.AadObjectId), theme, width: width + 20, height: 900);
        await Assertions.Expect(tab.Locator("h1")).ToHaveTextAsync(program.Charter.Name);

        var chart = tab.Locator("figure.trend[data-metric=m1]");
        await Assertions.Expect(chart.Locator("h3")).ToHaveTextAsync("Churn <b>after</b> a move");
        Assert.Equal(4, await chart.Locator("circle.reading").CountAsync());
        Assert.Equal(["14", "12.5", "11", "9.5"], await chart.Locator("circle.reading").EvaluateAllAsync<string[]>("cs => cs.map(c => c.dataset.value)"));
        Assert.Equal(1, await chart.Locator("line.target").CountAsync());
        Assert.Equal(1, await chart.Locator("line.baseline").CountAsync());
        Assert.Equal(2, await chart.Locator("line.due").CountAsync());
        Assert.Equal(1, await chart.Locator("line.done").CountAsync());
        // The text alternative: the figures and the actions with their impact, in tables.
        var tables = await chart.Locator("details table").AllTextContentsAsync();
        Assert.Contains("9.5%", tables[0]);
        Assert.Contains("Target", tables[0]);
        Assert.Contains("−4.5 points since done (towards the target), 2 readings", tables[1]);
        await Assertions.Expect(tab.Locator("figure.trend[data-metric=m2] .empty")).ToContainTextAsync("not judged yet");

        // Readable: the chart keeps at least 10 px text on a phone and does not widen the page.
        var box = await chart.Locator("svg").BoundingBoxAsync();
        Assert.True(box!.Width <= width && box.Width >= Math.Min(width - 60, 360), $"chart {box.Width} px wide at {width}");
        var fontPx = await chart.Locator("svg text.axis").First.EvaluateAsync<double>("t => t.getBoundingClientRect().height");
        Assert.True(fontPx >= 8, $"axis text {fontPx} px high");
        var pageWide = await tab.Locator("body").EvaluateAsync<bool>("b => b.scrollWidth > window.innerWidth + 1 && [...document.querySelectorAll('#trends *')].some(e => !e.closest('.scroll') && e.getBoundingClientRect().right > window.innerWidth + 1)");
        Assert.False(pageWide, "the trends widen the page");

        var results = await page.RunAxe();
        var serious = results.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Target?.ToString() ?? ""))}").ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious));
        await chart.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(Gallery, $"trend-{theme}-{width}.png") });
    }
}
