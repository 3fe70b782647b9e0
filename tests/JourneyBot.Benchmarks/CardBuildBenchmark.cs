using System.Diagnostics;
using System.Text;
using JourneyBot.Domain;
using JourneyBot.Programs;
using JourneyBot.Tests.Cards;
using JourneyBot.Tests.Domain;
using JourneyBot.Map;
using JourneyBot.Health;

namespace JourneyBot.Benchmarks;

// Build time and size of the map and health cards as a program grows.
public static class CardBuildBenchmark
{
    public static void Run()
    {
        Console.WriteLine();
        Console.WriteLine("card builds (12 stages, 20 departments, 10 personas), mean of 50 builds after 5 warm-up builds");
        foreach (var touchpoints in new[] { 100, 2_000, 10_000 })
        {
            var large = CardCatalog.LargeProgram();
            var program = large with
            {
                Touchpoints = Enumerable.Range(0, touchpoints).Select(i => SamplePrograms.Touchpoint(i, $"s{i % 12 + 1}", $"d{i % 19 + 1}", SamplePrograms.PersonNo(i % 60)) with { PersonaIds = [$"p{i % 10 + 1}"] }).ToList(),
            };
            foreach (var (name, build) in new (string, Func<string>)[]
            {
                ("map", () => MapCards.Build(program).ToJson().ToJsonString()),
                ("health", () => HealthCards.Build(program, SamplePrograms.AsOf).ToJson().ToJsonString()),
            })
            {
                for (var i = 0; i < 5; i++) build();
                var clock = Stopwatch.StartNew();
                string json = "";
                for (var i = 0; i < 50; i++) json = build();
                Console.WriteLine($"  {name,-7} {touchpoints,6:N0} touchpoints: {clock.Elapsed.TotalMilliseconds / 50:N2} ms, {Encoding.UTF8.GetByteCount(json) / 1024.0:N1} KB");
            }
        }
    }
}
