using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using JourneyBot.Admin;
using JourneyBot.Domain;
using JourneyBot.Tests.Infrastructure;
using Xunit.Abstractions;
using JourneyBot.Health;
using JourneyBot.Tests.Domain;

namespace JourneyBot.Tests.Health;

// The benchmark of judgement: realistic programs in the export format (HealthCorpus/*.json), each with the pitfalls
// a practitioner would flag (HealthCorpus/expected.json). The real `health` command runs over every file; a flag
// (warn or fail) that is not expected is a false alarm, an expected pitfall left OK is a miss.
public sealed class HealthCorpusTests(ITestOutputHelper output)
{
    private static readonly DateOnly AsOf = new(2026, 11, 1);
    private static readonly string Folder = Path.Combine(RepoPaths.Root, "tests", "JourneyBot.Tests", "Health", "HealthCorpus");

    private static JsonObject Expected() => JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "expected.json")))!.AsObject();

    [Fact]
    public void TheCorpusHasWhatTheBenchmarkNeeds()
    {
        var expected = Expected();
        var files = Directory.GetFiles(Folder, "*.json").Select(Path.GetFileName).Where(f => f != "expected.json").ToHashSet();
        var checks = MapHealth.Evaluate(SamplePrograms.Program(), AsOf).Select(c => c.Id.Name()).ToList();
        var pitfalls = expected.Select(e => e.Value!["expected"]!.AsArray().Select(p => p!.GetValue<string>()).ToList()).ToList();

        Assert.Equal(files.Order(), expected.Select(e => e.Key).Order());
        Assert.True(files.Count >= 30, $"{files.Count} programs");
        Assert.True(pitfalls.Count(p => p.Count == 0) >= 6 + 10, "healthy programs and near misses");
        Assert.True(expected.Select(e => e.Value!["industry"]!.GetValue<string>()).Distinct().Count() >= 5, "industries");
        Assert.All(pitfalls.SelectMany(p => p), p => Assert.Contains(p, checks));
        // Every pitfall appears alone at least once, and some programs mix several.
        Assert.All(checks, c => Assert.Contains(pitfalls, p => p.Count == 1 && p[0] == c));
        Assert.True(pitfalls.Count(p => p.Count >= 3) >= 4, "mixed programs");
    }

    [Fact]
    public async Task HealthFlagsExactlyTheExpectedPitfalls()
    {
        var tally = new SortedDictionary<string, (int TruePositive, int FalsePositive, int FalseNegative)>(StringComparer.Ordinal);
        var wrong = new List<string>();
        foreach (var (file, entry) in Expected())
        {
            var expected = entry!["expected"]!.AsArray().Select(p => p!.GetValue<string>()).ToHashSet();
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            var code = await AdminCommandLine.RunAsync(["health", Path.Combine(Folder, file), "--as-of", AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)], stdout, stderr, TimeProvider.System);
            Assert.True(code == 0, $"{file}: {stderr}");
            var checks = JsonNode.Parse(stdout.ToString())!.AsArray();
            foreach (var check in checks)
            {
                var id = check!["id"]!.GetValue<string>();
                // Not judged yet is not a flag: the rule does not apply to this program yet.
                var flagged = check["status"]!.GetValue<string>() is "warn" or "fail";
                var (tp, fp, fn) = tally.GetValueOrDefault(id);
                if (flagged && expected.Contains(id)) tp++;
                else if (flagged) { fp++; wrong.Add($"{file}: false alarm {id} ({check["figure"]})"); }
                else if (expected.Contains(id)) { fn++; wrong.Add($"{file}: missed {id} ({check["figure"]})"); }
                tally[id] = (tp, fp, fn);
            }
        }

        var report = new StringBuilder($"{"pitfall",-20} {"precision",9} {"recall",7}  (tp/fp/fn)\n");
        foreach (var (id, (tp, fp, fn)) in tally) report.AppendLine($"{id,-20} {Ratio(tp, tp + fp),9} {Ratio(tp, tp + fn),7}  ({tp}/{fp}/{fn})");
        var all = (Tp: tally.Values.Sum(v => v.TruePositive), Fp: tally.Values.Sum(v => v.FalsePositive), Fn: tally.Values.Sum(v => v.FalseNegative));
        report.AppendLine($"{"overall",-20} {Ratio(all.Tp, all.Tp + all.Fp),9} {Ratio(all.Tp, all.Tp + all.Fn),7}  ({all.Tp}/{all.Fp}/{all.Fn})");
        output.WriteLine(report.ToString());
        output.WriteLine(string.Join("\n", wrong));

        Assert.True(all.Tp > 0, "the corpus flags nothing");
        Assert.Empty(wrong);
    }

    private static string Ratio(int part, int whole) => whole == 0 ? "n/a" : ((double)part / whole).ToString("P0", CultureInfo.InvariantCulture);
}
