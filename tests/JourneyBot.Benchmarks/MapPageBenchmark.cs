using System.Diagnostics;
using System.IO.Compression;
using System.IO.Pipelines;
using System.Text;
using JourneyBot.Domain;
using JourneyBot.Map;
using JourneyBot.Tests.Cards;
using JourneyBot.Tests.Domain;
using JourneyBot.Tests.Infrastructure;

namespace JourneyBot.Benchmarks;

// The map tab for a large program (2,000 touchpoints, 20 departments, 12 stages, 10 personas, every text field
// filled): server build time of the page and what the browser downloads with compression on, against the
// targets of < 200 ms and <= 1.5 MB.
public static class MapPageBenchmark
{
    private const double BuildTargetMs = 200;
    private const double WeightTargetBytes = 1.5 * 1024 * 1024;

    public static void Run()
    {
        var large = CardCatalog.LargeProgram();
        var charter = large.Charter with
        {
            Departments = Enumerable.Range(1, 20).Select(i => new Department($"d{i}", $"Department {i}", [SamplePrograms.PersonNo(100 + i)])).ToList(),
        };
        var program = large with
        {
            Charter = charter,
            Touchpoints = Enumerable.Range(0, 2_000).Select(i => SamplePrograms.Touchpoint(i, $"s{i % 12 + 1}", $"d{i % 20 + 1}", SamplePrograms.PersonNo(i % 60)) with
            {
                PersonaIds = [$"p{i % 10 + 1}", $"p{(i + 3) % 10 + 1}"],
                Channel = (TouchpointChannel)(i % 8),
                Emotion = i % 5 - 2,
                CustomerAction = $"Customer checks the renewal quote {i} and compares it with last year's price online",
                PainPoints = i % 3 == 0 ? $"Quote {i} arrives late and the price change is not explained anywhere" : null,
                Evidence = i % 2 == 0 ? Evidence.SupportTickets : Evidence.Assumption,
                Verbatim = i % 4 == 0 ? "\"I had to call twice to find out why it went up.\"" : null,
                Backstage = new Backstage("Renewals team", "Quote engine", i % 2 == 0 ? "Quotes are batched overnight" : null),
            }).ToList(),
        };
        var charterCounts = $"{program.Charter.Stages.Count} stages, {program.Charter.Departments.Count} departments, {program.Charter.Personas.Count} personas";

        Console.WriteLine();
        Console.WriteLine($"map page ({program.Touchpoints.Count:N0} touchpoints, {charterCounts}), mean of 20 builds after 3 warm-up builds");
        foreach (var (name, filter) in new (string, MapFilter)[] { ("stages", new MapFilter()), ("departments", new MapFilter { Layout = MapLayout.Departments }), ("persona", new MapFilter { PersonaId = "p1" }) })
        {
            // As the endpoint does it: the view, the page in one buffer, UTF-8 into the response's pipe (here one
            // that drops the bytes; compression is measured apart below, as the middleware does it after us).
            var sink = PipeWriter.Create(Stream.Null);
            void Build()
            {
                var view = MapViewBuilder.Build(program, filter, SamplePrograms.AsOf);
                var page = MapDocument.Page("map", "local", b => MapContent.Write(b, view));
                HtmlResult.WriteAsync(page, sink, CancellationToken.None).GetAwaiter().GetResult();
            }
            for (var i = 0; i < 3; i++) Build();
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < 20; i++) Build();
            var ms = clock.Elapsed.TotalMilliseconds / 20;
            var html = MapDocument.Page("map", MapContent.Build(MapViewBuilder.Build(program, filter, SamplePrograms.AsOf)), "local");
            var view = MapViewBuilder.Build(program, filter, SamplePrograms.AsOf);
            var viewClock = Stopwatch.StartNew();
            for (var i = 0; i < 20; i++) MapViewBuilder.Build(program, filter, SamplePrograms.AsOf);
            var viewMs = viewClock.Elapsed.TotalMilliseconds / 20;
            var lookClock = Stopwatch.StartNew();
            for (var i = 0; i < 20; i++) Lookalikes.Find(program.Touchpoints);
            var lookMs = lookClock.Elapsed.TotalMilliseconds / 20;
            var contentClock = Stopwatch.StartNew();
            for (var i = 0; i < 20; i++) MapContent.Build(view);
            Console.WriteLine($"  (view model {viewMs:N1} ms of which look-alikes {lookMs:N1} ms; html {contentClock.Elapsed.TotalMilliseconds / 20:N1} ms)");
            var raw = Encoding.UTF8.GetBytes(html);
            var assets = new[] { "wwwroot/map/assets/map.css", "wwwroot/map/assets/tab.js", "wwwroot/lib/teams-js/MicrosoftTeams.min.js" }
                .Select(p => File.ReadAllBytes(Path.Combine(RepoPaths.Root, "src", "JourneyBot", p))).ToList();
            // The response compression middleware's default: Brotli at the fastest level.
            var brotliClock = Stopwatch.StartNew();
            var page = Brotli(raw);
            var brotliMs = brotliClock.Elapsed.TotalMilliseconds;
            var total = page + assets.Sum(Brotli);
            Console.WriteLine($"  {name,-12} build {ms,7:N1} ms (target < {BuildTargetMs} ms: {(ms < BuildTargetMs ? "met" : "MISSED")}); html {raw.Length / 1024.0:N0} KB, " +
                $"compressed {page / 1024.0:N0} KB (Brotli fastest: {brotliMs:N0} ms); with script and styles {total / 1024.0:N0} KB (target <= 1,536 KB: {(total <= WeightTargetBytes ? "met" : "MISSED")})");
        }
    }

    private static int Brotli(byte[] data)
    {
        using var output = new MemoryStream();
        using (var brotli = new BrotliStream(output, CompressionLevel.Fastest, leaveOpen: true)) brotli.Write(data);
        return (int)output.Length;
    }
}
