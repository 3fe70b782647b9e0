using System.Net;
using System.Text;
using JourneyBot.Domain;
using JourneyBot.Programs;
using JourneyBot.Tests.Meetings;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyBot.Tests.Map;

// A CSV of figures uploaded on the map tab, through real HTTP with real SSO tokens: checked with each row's fate and
// nothing written, imported by owners only, in the person's locale, and hostile files refused or shown literally.
public sealed class ReadingUploadTests(MapWorld world) : IClassFixture<MapWorld>
{
    private static readonly DateOnly Day = MapSamples.Today;
    private static string D(int daysAgo) => Day.AddDays(-daysAgo).ToString("yyyy-MM-dd");

    private static JourneyProgram WithMetric() => MapSamples.Program() with
    {
        Charter = MapSamples.Program().Charter with { Metrics = [new Metric("m1", "Churn after a move", MetricKind.Outcome, 14, 7, "%")] },
        Readings = [new MetricReading { MetricId = "m1", Value = 13, On = Day.AddDays(-40), RecordedBy = MapSamples.Owner }],
    };

    private async Task<JourneyProgram> LoadAsync(JourneyProgram p) =>
        (await world.App.Services.GetRequiredService<ProgramStore>().LoadAsync(p.TenantId, p.Id, CancellationToken.None))!;

    private Task<HttpResponseMessage> PostAsync(JourneyProgram p, string deed, string? token, object body) =>
        MeetingSamples.PostAsync(world, $"/map/{p.Id}/readings/{deed}", token, body);

    private string Owner(JourneyProgram p) => world.TokenFor(p, MapSamples.Owner.AadObjectId);

    [Fact]
    public async Task GoodBadAndDuplicateRowsAreShownFirstAndOnlyTheReadyOnesAreImportedOnce()
    {
        var program = await world.ImportAsync(WithMetric());
        var csv = "metric,date,value,link\n" +
            $"m1,{D(30)},12.5%,\n" +                       // ready
            $"Churn after a move,{D(20)},11,https://example.com/report\n" + // ready, by name, with a link
            $"m1,{D(20)},10,\n" +                           // same metric and day as the line before
            $"m1,{D(40)},13,\n" +                           // already recorded with this value
            $"m1,{D(40)},99,\n" +                           // a duplicate of that line too
            $"nope,{D(10)},5,\n" +                          // not a metric
            $"m1,{Day.AddDays(5):yyyy-MM-dd},5,\n" +        // in the future
            $"m1,yesterday,five,http://plain\n";            // three problems

        var check = await PostAsync(program, "check", Owner(program), new { csv, locale = "en-GB" });
        Assert.Equal(HttpStatusCode.OK, check.StatusCode);
        var shown = await check.Content.ReadAsStringAsync();
        Assert.Contains("<strong>2 figures ready to import</strong>", shown);
        Assert.Contains("1 row already recorded, 2 duplicates and 3 rows with errors", shown);
        Assert.Contains("Nothing is saved until you import", shown);
        Assert.Contains("data-readings=\"import\">Import 2 figures", shown);
        Assert.Contains("same metric and day as line 3", shown);
        Assert.Contains("not a metric of this program", shown);
        Assert.Contains("the date is in the future", shown);
        Assert.Contains("the date is not yyyy-MM-dd; the value is not a number; the link is not an https link", shown);
        Assert.Single((await LoadAsync(program)).Readings);

        var import = await PostAsync(program, "import", Owner(program), new { csv, locale = "en-GB" });
        var done = await import.Content.ReadAsStringAsync();
        Assert.Contains("<strong>Imported 2 figures</strong>", done);
        Assert.DoesNotContain("data-readings=\"import\"", done);
        var readings = (await LoadAsync(program)).ReadingsOf("m1").ToList();
        Assert.Equal([(Day.AddDays(-40), 13m), (Day.AddDays(-30), 12.5m), (Day.AddDays(-20), 11m)], readings.Select(r => (r.On, r.Value)));
        var imported = readings.Where(r => r.Source == ReadingSource.Imported).ToList();
        Assert.Equal(2, imported.Count);
        Assert.All(imported, r => Assert.Equal(MapSamples.Owner.AadObjectId, r.RecordedBy.AadObjectId));
        Assert.Equal("https://example.com/report", imported.Single(r => r.On == Day.AddDays(-20)).Link);

        // The same file again (a double click, a second tab): nothing more is written.
        var again = await (await PostAsync(program, "import", Owner(program), new { csv })).Content.ReadAsStringAsync();
        Assert.Contains("<strong>Imported 0 figures</strong>", again);
        Assert.Equal(3, (await LoadAsync(program)).Readings.Count);
    }

    [Theory]
    [InlineData("de-DE", "3,5", 3.5)]
    [InlineData("de-DE", "1.200", 1200)]
    [InlineData("en-US", "1,200", 1200)]
    [InlineData("fr-FR", "0,82", 0.82)]
    public async Task NumbersAreReadInTheTabsLocale(string locale, string value, double expected)
    {
        var program = await world.ImportAsync(WithMetric());
        var csv = $"metric,date,value\nm1,{D(3)},\"{value}\"\n";
        var done = await (await PostAsync(program, "import", Owner(program), new { csv, locale })).Content.ReadAsStringAsync();
        Assert.Contains("Imported 1 figure", done);
        Assert.Equal((decimal)expected, (await LoadAsync(program)).ReadingsOf("m1").Last().Value);
    }

    [Theory]
    [InlineData("none", HttpStatusCode.Unauthorized)]
    [InlineData("stranger", HttpStatusCode.NotFound)]
    [InlineData("other-tenant", HttpStatusCode.NotFound)]
    [InlineData("sponsor", HttpStatusCode.Forbidden)]
    [InlineData("contact", HttpStatusCode.Forbidden)]
    [InlineData("other-program", HttpStatusCode.NotFound)]
    public async Task OnlyTheProgramsOwnersMayCheckOrImport(string who, HttpStatusCode expected)
    {
        var program = await world.ImportAsync(WithMetric());
        var other = await world.ImportAsync(MapSamples.Program() with { Charter = MapSamples.Program().Charter with { Owners = [new Person("else-oid", "Else")] } });
        var token = who switch
        {
            "none" => null,
            "stranger" => world.TokenFor(program, "stranger-oid"),
            "other-tenant" => world.Entra.Token(Guid.NewGuid().ToString(), MapSamples.Owner.AadObjectId, world.ClientId),
            "sponsor" => world.TokenFor(program, MapSamples.Sponsor.AadObjectId),
            "contact" => world.TokenFor(program, MapSamples.Contact.AadObjectId),
            _ => world.TokenFor(other, MapSamples.Owner.AadObjectId),
        };
        var csv = $"metric,date,value\nm1,{D(3)},5\n";
        foreach (var deed in new[] { "check", "import" })
        {
            var response = await PostAsync(program, deed, token, new { csv });
            Assert.Equal(expected, response.StatusCode);
            var text = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("Churn after a move", text);
            Assert.DoesNotContain("ready to import", text);
        }
        Assert.Single((await LoadAsync(program)).Readings);
    }

    [Fact]
    public async Task HostileFilesAreRefusedWithAMessageOrShownLiterallyAndNothingIsWritten()
    {
        var program = await world.ImportAsync(WithMetric());
        var token = Owner(program);

        using (var plain = new HttpRequestMessage(HttpMethod.Post, $"/map/{program.Id}/readings/import")
        {
            Content = new StringContent($"{{\"csv\":\"metric,date,value\\nm1,{D(3)},5\"}}", Encoding.UTF8, "text/plain"),
        })
        {
            plain.Headers.Authorization = new("Bearer", token);
            Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await world.App.Http.SendAsync(plain)).StatusCode);
        }
        using (var broken = new HttpRequestMessage(HttpMethod.Post, $"/map/{program.Id}/readings/import")
        {
            Content = new StringContent("{\"csv\": \"metric,date,val", Encoding.UTF8, "application/json"),
        })
        {
            broken.Headers.Authorization = new("Bearer", token);
            var response = await world.App.Http.SendAsync(broken);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("could not be read", await response.Content.ReadAsStringAsync());
        }

        var huge = "metric,date,value\n" + string.Concat(Enumerable.Repeat($"m1,{D(3)},5\n", 1024 * 1024 / 10));
        var tooBig = await PostAsync(program, "import", token, new { csv = huge });
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooBig.StatusCode);
        Assert.Contains("larger than 1 MB", await tooBig.Content.ReadAsStringAsync());

        foreach (var (csv, message) in new[] { ("", "The file is empty"), ("value,when\n5,today\n", "must name the columns"), ("metric,date,value\n", "no rows") })
        {
            var response = await PostAsync(program, "import", token, new { csv });
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            Assert.Contains(message, await response.Content.ReadAsStringAsync());
        }

        // Markup, formulas, a lone surrogate, NaN and huge numbers in the cells: errors, shown as text.
        var hostile = "metric,date,value\n" +
            $"<img src=x onerror=alert(1)>,{D(3)},5\n" +
            $"m1,{D(4)},NaN\n" +
            $"m1,{D(5)},1e400\n" +
            $"m1,{D(6)},\"=HYPERLINK(\"\"http://evil\"\")\"\n" +
            $"m1\u00a0,{D(7)},\"{new string('9', 5000)}\"\n";
        var shown = await (await PostAsync(program, "import", token, new { csv = hostile })).Content.ReadAsStringAsync();
        Assert.DoesNotContain("<img", shown);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", shown);
        Assert.Contains("<strong>Imported 0 figures</strong>", shown);
        Assert.Contains("5 rows with errors", shown);
        Assert.DoesNotContain(new string('9', 300), shown);
        Assert.Single((await LoadAsync(program)).Readings);

        // A lone surrogate cannot come from a file the browser read (it decodes to U+FFFD), only from a forged
        // request: it names no metric, and the row says so.
        var surrogate = await PostAsync(program, "import", token, new { csv = $"metric,date,value\nm1\ud800,{D(7)},5\n" });
        Assert.Equal(HttpStatusCode.OK, surrogate.StatusCode);
        Assert.Contains("error: not a metric of this program", await surrogate.Content.ReadAsStringAsync());
        Assert.Single((await LoadAsync(program)).Readings);

        // A deed that does not exist names nothing.
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(program, "replace", token, new { csv = "x" })).StatusCode);
    }
}
