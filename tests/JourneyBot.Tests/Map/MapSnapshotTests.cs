using System.Net;
using Azure.Data.Tables;
using Deque.AxeCore.Playwright;
using JourneyBot.Domain;
using JourneyBot.Map;
using JourneyBot.Programs;
using JourneyBot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using JourneyBot.Health;

namespace JourneyBot.Tests.Map;

// Map snapshots: stored in chunks on Azurite and read back whole; drawn and compared on the page in Chromium.
public sealed class MapSnapshotTests(MapWorld world) : IClassFixture<MapWorld>
{
    private static readonly string Gallery = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "MapGallery")).FullName;
    private MapSnapshotStore Store => world.App.Services.GetRequiredService<MapSnapshotStore>();
    private TableClient Programs => world.App.Services.GetRequiredService<StorageTables>().Programs;

    [Fact]
    public async Task ATwoThousandTouchpointSnapshotIsStoredInChunksAndReadBackWhole()
    {
        var program = Large(MapSamples.Program());
        var snapshot = MapSnapshot.Take(program, MapSamples.Today);
        await Store.SaveAsync(program.Id, "r-big", snapshot, CancellationToken.None);

        var rows = await RowsAsync(program.Id);
        var chunks = rows.Count(r => r.RowKey.StartsWith(ProgramKeys.SnapshotChunkPrefix, StringComparison.Ordinal));
        Assert.True(chunks > 1, $"{chunks} chunk rows: the test program should not fit one 64 KiB property");
        Assert.All(rows.Where(r => r.RowKey.StartsWith(ProgramKeys.SnapshotChunkPrefix, StringComparison.Ordinal)), r => Assert.True(r.GetBinary("Data").Length <= 64 * 1024));

        var back = await Store.LoadAsync(program.Id, "r-big", CancellationToken.None);
        Assert.NotNull(back);
        Assert.Equal(2_005, back.Touchpoints.Count);
        Assert.Equal(snapshot.Touchpoints.Select(t => (t.Id, t.CustomerAction, t.PainPoints, t.Emotion, t.Backstage)), back.Touchpoints.Select(t => (t.Id, t.CustomerAction, t.PainPoints, t.Emotion, t.Backstage)));
        Assert.Equal(snapshot.Health.Select(h => (h.Id, h.Status, h.Figure)), back.Health.Select(h => (h.Id, h.Status, h.Figure)));
        Assert.Equal(["Billing", "Support", "Field service"], back.Departments.Select(d => d.Name));
        Assert.All(back.Departments, d => Assert.Empty(d.Contacts));
        Assert.Equal(snapshot.Figures.Cells, back.Figures.Cells);
        Assert.Equal([("r-big", MapSamples.Today, 2_005)], (await Store.ListAsync(program.Id, CancellationToken.None)).Select(h => (h.Id, h.TakenOn, h.Touchpoints)));
        // The program's own partition holds none of it: loading the program stays one small query.
        Assert.DoesNotContain(await RowsAsync(program.Id, own: true), r => r.RowKey.StartsWith("chunk|", StringComparison.Ordinal) || r.RowKey.StartsWith("head|", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AHalfWrittenSnapshotIsNeverShownAndWritingAgainReplacesTheOldChunks()
    {
        var program = MapSamples.Program();
        var partition = ProgramKeys.SnapshotPartition(program.Id);
        // Chunks whose header never came (the writer stopped): nobody lists or reads them.
        await Programs.AddEntityAsync(new MapSnapshotChunkRow { PartitionKey = partition, RowKey = ProgramKeys.SnapshotChunk("p-20260101", "deadbeef", 0), Data = [1, 2, 3] });
        Assert.Empty(await Store.ListAsync(program.Id, CancellationToken.None));
        Assert.Null(await Store.LoadAsync(program.Id, "p-20260101", CancellationToken.None));

        await Store.SaveAsync(program.Id, "p-20260102", MapSnapshot.Take(program, MapSamples.Today), CancellationToken.None);
        var changed = program with { Touchpoints = program.Touchpoints.Take(2).ToList() };
        await Store.SaveAsync(program.Id, "p-20260102", MapSnapshot.Take(changed, MapSamples.Today), CancellationToken.None);
        Assert.Equal(["t1", "t2"], (await Store.LoadAsync(program.Id, "p-20260102", CancellationToken.None))!.Touchpoints.Select(t => t.Id));
        var rows = (await RowsAsync(program.Id)).Where(r => r.RowKey.Contains("p-20260102", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, rows.Count);
        // The same map again writes nothing (one point read).
        var before = rows.Single(r => r.RowKey.StartsWith("head|", StringComparison.Ordinal)).ETag;
        await Store.SaveAsync(program.Id, "p-20260102", MapSnapshot.Take(changed, MapSamples.Today), CancellationToken.None);
        Assert.Equal(before, (await RowsAsync(program.Id)).Single(r => r.RowKey == "head|p-20260102").ETag);

        await Store.DeleteAllAsync(program.Id, CancellationToken.None);
        Assert.Empty(await RowsAsync(program.Id));
    }

    [Fact]
    public async Task AMemberSeesTheMapAsItWasAndGoesBackToNow()
    {
        var (program, _) = await ProgramWithHistoryAsync();
        await using var host = await TeamsHost.StartAsync();
        var (page, tab) = await host.OpenAsync(world.App.BaseAddress, $"/map/{program.Id}?inTeams=1", world.TokenFor(program, MapSamples.Sponsor.AadObjectId));
        await Assertions.Expect(tab.Locator("article.tp")).ToHaveCountAsync(5);

        await tab.Locator("select[name=at]").SelectOptionAsync("r-rev1");
        await tab.Locator("#filters button[type=submit]").ClickAsync();
        await Assertions.Expect(tab.Locator("#as-it-was")).ToContainTextAsync($"The map as it was on {Html.Date(MapSamples.Today.AddDays(-30))}");
        Assert.Equal(["t0", "t1", "t2", "t3"], (await tab.Locator("td[data-lane=touchpoints] article.tp").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.touchpoint)")).Order());
        await Assertions.Expect(tab.Locator("#summary")).ToContainTextAsync("4 active touchpoints · as it was on");
        // The emotion then: t3 was +1, so "Tell us" averaged (-2 + 1) / 2.
        Assert.Equal("-0.5", await tab.Locator("svg.curve circle.point[data-stage=tell]").GetAttributeAsync("data-average"));
        // Filters work on the map as it was.
        await tab.Locator("select[name=department]").SelectOptionAsync("billing");
        await tab.Locator("#filters button[type=submit]").ClickAsync();
        await Assertions.Expect(tab.Locator("#summary")).ToContainTextAsync("2 of 4");
        await Assertions.Expect(tab.Locator("#as-it-was")).ToBeVisibleAsync();

        await tab.Locator("a.back-to-now").ClickAsync();
        await Assertions.Expect(tab.Locator("#as-it-was")).ToHaveCountAsync(0);
        await Assertions.Expect(tab.Locator("#summary")).ToContainTextAsync("2 of 5");
        Assert.Empty(host.PageErrors);
    }

    [Fact]
    public async Task ComparingShowsTouchpointsAddedRetiredAndChangedEmotionPerStageAndHealth()
    {
        var (program, cardDay) = await ProgramWithHistoryAsync();
        await using var host = await TeamsHost.StartAsync();
        var (page, tab) = await host.OpenAsync(world.App.BaseAddress, $"/map/{program.Id}?inTeams=1", world.TokenFor(program, MapSamples.Owner.AadObjectId));

        // Snapshot against now.
        await tab.Locator("select[name=since]").SelectOptionAsync("r-rev1");
        await tab.Locator("#filters button[type=submit]").ClickAsync();
        var counts = tab.Locator("#compare .compare-counts");
        await Assertions.Expect(counts).ToHaveAttributeAsync("data-added", "2");
        await Assertions.Expect(counts).ToHaveAttributeAsync("data-retired", "1");
        await Assertions.Expect(counts).ToHaveAttributeAsync("data-changed", "1");
        Assert.Equal(["t4", "t5"], await IdsAsync(tab, "added"));
        Assert.Equal(["t0"], await IdsAsync(tab, "retired"));
        Assert.Equal(["t3"], await IdsAsync(tab, "changed"));
        var fields = await tab.Locator("details[data-kind=changed] li[data-touchpoint=t3] .fields").InnerTextAsync();
        Assert.Contains("emotion: +1 → -1", fields);
        Assert.Contains("pain points: (none) → Asked twice for the same thing", fields);
        Assert.Contains("Tell us", await tab.Locator("#compare table.stage-changes").InnerTextAsync());
        Assert.Contains("-0.5 → -1.5", await tab.Locator("#compare table.stage-changes tr", new() { HasText = "Tell us" }).InnerTextAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Gallery, "compare.png"), FullPage = true });
        var serious = (await page.RunAxe()).Violations.Where(v => v.Impact is "serious" or "critical").Select(v => v.Id).ToList();
        Assert.True(serious.Count == 0, "axe: " + string.Join(", ", serious));

        // Snapshot against snapshot: the review against the later progress card (which had t4 but not t5).
        await tab.Locator("select[name=at]").SelectOptionAsync(cardDay);
        await tab.Locator("#filters button[type=submit]").ClickAsync();
        await Assertions.Expect(tab.Locator("#compare-h")).ToContainTextAsync("→ Progress card");
        await Assertions.Expect(counts).ToHaveAttributeAsync("data-added", "1");
        Assert.Equal(["t4"], await IdsAsync(tab, "added"));
        await Assertions.Expect(tab.Locator("#as-it-was")).ToBeVisibleAsync();

        // An older review that kept figures only still compares per stage, and says so.
        await tab.Locator("a.back-to-now").ClickAsync();
        await Assertions.Expect(tab.Locator("#as-it-was")).ToHaveCountAsync(0);
        await tab.Locator("select[name=since]").SelectOptionAsync("r-rev0");
        await tab.Locator("#filters button[type=submit]").ClickAsync();
        await Assertions.Expect(tab.Locator("#compare .figures-only")).ToContainTextAsync("Touchpoint details were not kept");
        await Assertions.Expect(tab.Locator("#compare .compare-counts")).ToHaveCountAsync(0);
        Assert.Contains("1 → 2", await tab.Locator("#compare table.stage-changes tr", new() { HasText = "Tell us" }).InnerTextAsync());
        Assert.Empty(host.PageErrors);
    }

    [Fact]
    public async Task TheCsvExportsOfASnapshotAreOfThatDaysMapAndTheJsonSaysItIsNow()
    {
        var (program, _) = await ProgramWithHistoryAsync();
        var sponsor = world.TokenFor(program, MapSamples.Sponsor.AadObjectId);
        var page = await (await world.GetAsync($"/map/{program.Id}/content?at=r-rev1", sponsor)).Content.ReadAsStringAsync();
        Assert.Contains("/export/touchpoints.csv?at=r-rev1", page);
        Assert.Contains("JSON (the program now)", page);

        var then = await world.GetAsync($"/map/{program.Id}/export/touchpoints.csv?at=r-rev1", sponsor);
        var now = await world.GetAsync($"/map/{program.Id}/export/touchpoints.csv", sponsor);

        string Ids(string csv) => string.Join(",", csv.Split('\n').Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')[0]).Order());
        Assert.Equal("t0,t1,t2,t3", Ids(await then.Content.ReadAsStringAsync()));
        Assert.Equal($"{program.Id}-{MapSamples.Today.AddDays(-30):yyyyMMdd}-touchpoints.csv", then.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
        Assert.DoesNotContain("t0", Ids(await now.Content.ReadAsStringAsync()).Split(','));
        Assert.Contains("t4", Ids(await now.Content.ReadAsStringAsync()).Split(','));
    }

    [Fact]
    public async Task AStrangerCannotReadAnotherProgramsSnapshot()
    {
        var (program, _) = await ProgramWithHistoryAsync();
        var other = await world.ImportAsync(MapSamples.Program(tenantId: program.TenantId) with
        {
            Charter = MapSamples.Program().Charter with { Owners = [new Person("stranger-oid", "Stella Stranger")], Sponsors = [] },
        });
        var stranger = world.TokenFor(program, "stranger-oid");
        foreach (var path in new[] { $"/map/{program.Id}/content?at=r-rev1", $"/map/{program.Id}/content?since=r-rev1", $"/map/{program.Id}/export/map.svg?at=r-rev1" })
        {
            var response = await world.GetAsync(path, stranger);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.DoesNotContain("Reads the moving checklist", await response.Content.ReadAsStringAsync());
        }
        // The stranger's own program names the snapshot id in vain: only its own snapshots are read.
        var own = await (await world.GetAsync($"/map/{other.Id}/content?at=r-rev1&since=r-rev1", stranger)).Content.ReadAsStringAsync();
        Assert.DoesNotContain("as-it-was", own);
        Assert.DoesNotContain("id=\"compare\"", own);
        Assert.DoesNotContain("An old contact we stopped making", own);
    }

    // The sample program now; a review 30 days ago whose map had t0 (retired since), t1-t3 (t3 then +1, no pain);
    // a progress card 10 days ago with t4 added; and a review 60 days ago that kept figures only.
    private async Task<(JourneyProgram Program, string CardDay)> ProgramWithHistoryAsync()
    {
        var now = MapSamples.Program();
        var reviewDay = MapSamples.Today.AddDays(-30);
        var t0 = now.Touchpoints[0] with { Id = "t0", StageId = "plan", DepartmentId = "field", CustomerAction = "An old contact we stopped making" };
        var then = now with { Touchpoints = [t0, now.Touchpoints[0], now.Touchpoints[1], now.Touchpoints[2] with { Emotion = 1, PainPoints = null }] };
        var oldest = now with { Touchpoints = now.Touchpoints.Take(2).ToList() };
        var program = await world.ImportAsync(now with
        {
            Reviews =
            [
                new Review("rev0", MapSamples.Today.AddDays(-60), MapSamples.Owner, MapHealth.TakeSnapshot(oldest, MapSamples.Today.AddDays(-60))),
                new Review("rev1", reviewDay, MapSamples.Owner, MapHealth.TakeSnapshot(then, reviewDay)),
            ],
        });
        await Store.SaveAsync(program.Id, MapSnapshotStore.ForReview("rev1"), MapSnapshot.Take(then, reviewDay), CancellationToken.None);
        var cardDay = MapSamples.Today.AddDays(-10);
        var atCard = now with { Touchpoints = now.Touchpoints.Take(4).ToList() };
        await Store.SaveAsync(program.Id, MapSnapshotStore.ForProgressCard(cardDay), MapSnapshot.Take(atCard, cardDay), CancellationToken.None);
        return (program, MapSnapshotStore.ForProgressCard(cardDay));
    }

    private static async Task<string[]> IdsAsync(IFrameLocator tab, string kind) =>
        (await tab.Locator($"details[data-kind={kind}] li[data-touchpoint]").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.touchpoint)")).Order().ToArray();

    private async Task<List<TableEntity>> RowsAsync(string programId, bool own = false)
    {
        var partition = own ? programId : ProgramKeys.SnapshotPartition(programId);
        var rows = new List<TableEntity>();
        await foreach (var row in Programs.QueryAsync<TableEntity>(e => e.PartitionKey == partition)) rows.Add(row);
        return rows;
    }

    // 2,000 more touchpoints with texts that do not repeat, so the snapshot does not gzip down to one chunk.
    private static JourneyProgram Large(JourneyProgram program) => program with
    {
        Touchpoints =
        [
            .. program.Touchpoints,
            .. Enumerable.Range(0, 2_000).Select(i => program.Touchpoints[i % 5] with
            {
                Id = $"big{i}",
                CustomerAction = $"Customer step {i}: {Guid.NewGuid()}",
                PainPoints = i % 2 == 0 ? $"Pain {Guid.NewGuid()} {Guid.NewGuid()}" : null,
                Verbatim = $"\"{Guid.NewGuid()}\"",
            }),
        ],
    };
}
