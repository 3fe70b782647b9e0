using System.Text;
using Deque.AxeCore.Playwright;
using JourneyBot.Domain;
using JourneyBot.Programs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace JourneyBot.Tests.Map;

// The owners' CSV upload on the tab, in Chromium inside the stand-in Teams client: a file chosen, checked (each
// row's fate, nothing written), imported, and the chart redrawn with the new figures; read in the Teams locale;
// free of serious accessibility violations in every theme at 320 px and wide. Sponsors see no upload.
public sealed class ReadingUploadBrowserTests(MapWorld world) : IClassFixture<MapWorld>
{
    private static readonly DateOnly Day = MapSamples.Today;

    private static JourneyProgram WithMetric() => MapSamples.Program() with
    {
        Charter = MapSamples.Program().Charter with { Metrics = [new Metric("m1", "Churn after a move", MetricKind.Outcome, 14, 7, "%")] },
        Readings = [new MetricReading { MetricId = "m1", Value = 13, On = Day.AddDays(-40), RecordedBy = MapSamples.Owner }],
    };

    private static FilePayload Csv(string text) =>
        new() { Name = "figures.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(text) };

    private static async Task AxeCleanAsync(IPage page)
    {
        var results = await page.RunAxe();
        var serious = results.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Target?.ToString() ?? ""))}").ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious));
    }

    [Theory]
    [InlineData("default", 320)]
    [InlineData("dark", 320)]
    [InlineData("contrast", 320)]
    [InlineData("default", 1280)]
    public async Task AnOwnerChecksAFileSeesEachRowAndImportsItInTheirLocale(string theme, int width)
    {
        var program = await world.ImportAsync(WithMetric());
        await using var host = await TeamsHost.StartAsync();
        var (page, tab) = await host.OpenAsync(world.App.BaseAddress, $"/map/{program.Id}?inTeams=1",
            world.TokenFor(program, MapSamples.Owner.AadObjectId), theme, width: width + 20, height: 900, locale: "de-DE");
        var upload = tab.Locator("#import-readings");
        await Assertions.Expect(upload.Locator("h3")).ToHaveTextAsync("Import figures from a file");

        // Nothing chosen: said where the result appears, nothing sent.
        await upload.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();
        await Assertions.Expect(upload.Locator("[role=alert]")).ToHaveTextAsync("Choose a CSV file first.");

        var csv = "metric,date,value\n" +
            $"m1,{Day.AddDays(-30):yyyy-MM-dd},\"12,5\"\n" +
            $"m1,{Day.AddDays(-30):yyyy-MM-dd},12\n" +
            $"<b>Churn</b>,{Day.AddDays(-20):yyyy-MM-dd},11\n";
        await upload.Locator("input[type=file]").SetInputFilesAsync(Csv(csv));
        await upload.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();
        var result = upload.Locator(".import-result");
        await Assertions.Expect(result.Locator("p").First).ToContainTextAsync("1 figure ready to import");
        await Assertions.Expect(result.Locator("tr.duplicate td").Last).ToContainTextAsync("same metric and day as line 2");
        await Assertions.Expect(result.Locator("tr.error td").Nth(1)).ToHaveTextAsync("<b>Churn</b>");
        await Assertions.Expect(result).ToBeFocusedAsync();
        Assert.Single((await LoadAsync(program)).Readings);
        var wide = await tab.Locator("body").EvaluateAsync<bool>("b => [...document.querySelectorAll('#import-readings *')].some(e => !e.closest('.scroll') && e.getBoundingClientRect().right > window.innerWidth + 1)");
        Assert.False(wide, "the upload widens the page");
        await AxeCleanAsync(page);

        await result.GetByRole(AriaRole.Button, new() { Name = "Import 1 figure" }).ClickAsync();
        await Assertions.Expect(tab.Locator("#readings-result .import-result p").First).ToContainTextAsync("Imported 1 figure");
        // The map came back with the figure on the chart: "12,5" read as twelve and a half in de-DE.
        await Assertions.Expect(tab.Locator("figure.trend[data-metric=m1] circle.reading")).ToHaveCountAsync(2);
        Assert.Equal(12.5m, (await LoadAsync(program)).ReadingsOf("m1").Last().Value);
        Assert.Empty(host.PageErrors);
        await AxeCleanAsync(page);
    }

    [Fact]
    public async Task ASponsorSeesTheTrendButNoUpload()
    {
        var program = await world.ImportAsync(WithMetric());
        await using var host = await TeamsHost.StartAsync();
        var (_, tab) = await host.OpenAsync(world.App.BaseAddress, $"/map/{program.Id}?inTeams=1",
            world.TokenFor(program, MapSamples.Sponsor.AadObjectId));
        await Assertions.Expect(tab.Locator("figure.trend[data-metric=m1]")).ToBeVisibleAsync();
        Assert.Equal(0, await tab.Locator("#import-readings").CountAsync());
    }

    private async Task<JourneyProgram> LoadAsync(JourneyProgram p) =>
        (await world.App.Services.GetRequiredService<ProgramStore>().LoadAsync(p.TenantId, p.Id, CancellationToken.None))!;
}
