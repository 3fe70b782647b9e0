using System.Net;
using System.Xml.Linq;
using JourneyBot.Domain;
using JourneyBot.Map;
using JourneyBot.Programs;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyBot.Tests.Map;

public sealed class MapExportTests(MapWorld world) : IClassFixture<MapWorld>
{
    [Fact]
    public void TouchpointsCsvHasEveryFieldQuotedAndFormulasNeutralised()
    {
        var program = MapSamples.Program();
        var rows = ParseCsv(MapCsv.Touchpoints(program));
        Assert.Equal(["id", "stage_id", "stage", "department_id", "department", "channel", "customer_action", "persona_ids", "personas", "emotion",
            "pain_points", "evidence", "source_link", "verbatim", "delivered_by", "system_or_process", "employee_pain",
            "created_by", "created_by_id", "created_at", "last_verified_on", "retired"], rows[0]);
        Assert.Equal(program.Touchpoints.Count + 1, rows.Count);
        var t2 = rows.Single(r => r[0] == "t2");
        Assert.Equal("'=HYPERLINK(\"http://evil\") waits 40 minutes", t2[10]);
        Assert.Equal("-2", t2[9]);
        Assert.Equal("Billing agents", t2[14]);
        Assert.Equal("Address form has no move date", t2[16]);
        Assert.Equal("Chris <b>Contact</b>", t2[17]);
        Assert.Equal("He was \"brilliant\"", rows.Single(r => r[0] == "t4")[13]);
        Assert.Equal("", rows.Single(r => r[0] == "t5")[9]);
    }

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+44 20 7946 0000", "'+44 20 7946 0000")]
    [InlineData("-cmd|' /C calc'!A0", "'-cmd|' /C calc'!A0")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tTabbed", "'\tTabbed")]
    [InlineData("plain, with comma", "plain, with comma")]
    [InlineData("line\nbreak", "line\nbreak")]
    public void ActionsCsvNeutralisesEveryFormulaStartAndQuotesSeparators(string title, string expected)
    {
        var program = MapSamples.Program() with
        {
            Actions = [new ImprovementAction { Id = "a9", Title = title, Owner = MapSamples.Owner, DueOn = MapSamples.Today }],
        };
        var rows = ParseCsv(MapCsv.Actions(program, MapSamples.Today));
        Assert.Equal(["id", "title", "touchpoint_id", "touchpoint", "owner", "owner_id", "due_on", "status", "overdue", "metric_id", "metric"], rows[0]);
        Assert.Equal(expected, rows[1][1]);
        Assert.Equal(11, rows[1].Count);
    }

    [Fact]
    public async Task ExportsOverHttpKeepRolesAndRoundTrip()
    {
        var program = await world.ImportAsync(MapSamples.Program());
        var sponsor = world.TokenFor(program, MapSamples.Sponsor.AadObjectId);

        var json = await world.GetAsync($"/map/{program.Id}/export/program.json", sponsor);
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        var back = ProgramFile.Read(await json.Content.ReadAsStringAsync());
        Assert.Equal(program.Touchpoints.Select(t => (t.Id, t.CustomerAction, t.PainPoints)).OrderBy(t => t.Id), back.Touchpoints.Select(t => (t.Id, t.CustomerAction, t.PainPoints)).OrderBy(t => t.Id));
        Assert.Equal(program.Charter.Name, back.Charter.Name);

        var svg = await world.GetAsync($"/map/{program.Id}/export/map.svg?persona=renter", sponsor);
        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType!.MediaType);
        var doc = XDocument.Parse(await svg.Content.ReadAsStringAsync());
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal(ns + "svg", doc.Root!.Name);
        var stages = doc.Descendants(ns + "g").Where(g => (string?)g.Attribute("class") == "stage").ToList();
        Assert.Equal(["plan", "tell", "settle"], stages.Select(g => (string)g.Attribute("data-stage")!));
        // Renters only: t1, t2, t5.
        Assert.Equal([1, 1, 1], stages.Select(g => (int)g.Attribute("data-count")!));
        Assert.Contains("Home move <script>", doc.Root.Element(ns + "title")!.Value);

        var csv = await world.GetAsync($"/map/{program.Id}/export/touchpoints.csv", sponsor);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.Contains($"{program.Id}-touchpoints.csv", csv.Content.Headers.ContentDisposition!.ToString());
        Assert.Equal(program.Touchpoints.Count + 1, ParseCsv(await csv.Content.ReadAsStringAsync()).Count);
    }

    [Fact]
    public async Task TheMapIsStreamedCompressedAndArrivesWhole()
    {
        var program = await world.ImportAsync(MapSamples.Program());
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/map/{program.Id}/content");
        request.Headers.Authorization = new("Bearer", world.TokenFor(program, MapSamples.Owner.AadObjectId));
        request.Headers.AcceptEncoding.ParseAdd("br");
        using var response = await world.App.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["br"], response.Content.Headers.ContentEncoding);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        await using var brotli = new System.IO.Compression.BrotliStream(await response.Content.ReadAsStreamAsync(), System.IO.Compression.CompressionMode.Decompress);
        var html = await new StreamReader(brotli, System.Text.Encoding.UTF8).ReadToEndAsync();
        // Byte for byte what the renderer wrote, typed text still encoded, up to the health panel's end.
        var stored = await world.App.Services.GetRequiredService<ProgramStore>().LoadAsync(program.TenantId, program.Id, CancellationToken.None);
        var links = world.App.Services.GetRequiredService<MapLinks>();
        Assert.Equal(MapContent.Build(MapViewBuilder.Build(stored!, new MapFilter(), DateOnly.FromDateTime(DateTime.UtcNow)), links), html);
        Assert.EndsWith("</aside></div>", html);
    }

    // RFC 4180 read back independently of the writer.
    public static List<List<string>> ParseCsv(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { row.Add(field.ToString()); field.Clear(); }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(field.ToString()); field.Clear(); rows.Add(row); row = []; i++;
            }
            else field.Append(c);
        }
        if (field.Length > 0 || row.Count > 0) { row.Add(field.ToString()); rows.Add(row); }
        return rows;
    }
}
