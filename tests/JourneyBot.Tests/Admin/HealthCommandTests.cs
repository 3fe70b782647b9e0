using System.Text.Json.Nodes;
using JourneyBot.Admin;
using JourneyBot.Domain;
using JourneyBot.Tests.Domain;
using JourneyBot.Tests.Infrastructure;
using JourneyBot.Health;

namespace JourneyBot.Tests.Admin;

// `JourneyBot health program.json`: map health offline, no storage, no network.
public sealed class HealthCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("journeybot-health-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string WriteFile(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await AdminCommandLine.RunAsync(args, stdout, stderr, TimeProvider.System);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task PrintsEveryCheckAsJsonAsOfTheGivenDate()
    {
        var file = WriteFile("program.json", ProgramFile.Write(SamplePrograms.Full()));

        var (code, stdout, _) = await RunAsync("health", file, "--as-of", "2026-11-01");

        Assert.Equal(0, code);
        var checks = JsonNode.Parse(stdout)!.AsArray();
        var expected = MapHealth.Evaluate(SamplePrograms.Full(), SamplePrograms.AsOf);
        Assert.Equal(expected.Select(c => c.Id.Name()), checks.Select(c => c!["id"]!.GetValue<string>()));
        Assert.All(checks, c =>
        {
            Assert.Contains(c!["status"]!.GetValue<string>(), new[] { "ok", "warn", "fail", "notJudged" });
            Assert.False(string.IsNullOrWhiteSpace(c["figure"]!.GetValue<string>()));
            Assert.False(string.IsNullOrWhiteSpace(c["threshold"]!.GetValue<string>()));
            Assert.False(string.IsNullOrWhiteSpace(c["nextStep"]!.GetValue<string>()));
        });
        var stale = checks.Single(c => c!["id"]!.GetValue<string>() == "stale")!;
        Assert.StartsWith("last review held 10 days ago", stale["figure"]!.GetValue<string>());
        Assert.Equal(expected.Select(c => c.Why), checks.Select(c => c!["why"]!.GetValue<string>()));
    }

    [Fact]
    public async Task TheAsOfDateChangesTheAnswer()
    {
        var file = WriteFile("program.json", ProgramFile.Write(SamplePrograms.Full()));

        var (_, later, _) = await RunAsync("health", file, "--as-of", "2027-02-01");

        var stale = JsonNode.Parse(later)!.AsArray().Single(c => c!["id"]!.GetValue<string>() == "stale")!;
        Assert.Equal("fail", stale["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task TextFormatListsTheFlagsWorstFirstThenWhatIsOk()
    {
        var file = Path.Combine(RepoPaths.Root, "tests", "JourneyBot.Tests", "Health", "HealthCorpus", "ecommerce-return-mixed-diy-silo.json");

        var (code, stdout, _) = await RunAsync("health", file, "--as-of", "2026-11-01", "--format", "text");

        Assert.Equal(0, code);
        var lines = stdout.ReplaceLineEndings("\n").Split('\n');
        Assert.Equal("Map health of Returning an online order as of 2026-11-01: 3 pitfalls to act on, 14 of 18 checks ok, 1 not judged yet.", lines[0]);
        var flagged = lines.Where(l => l.StartsWith("FAIL ", StringComparison.Ordinal) || l.StartsWith("WATCH", StringComparison.Ordinal)).ToList();
        Assert.Equal(["FAIL  Budget and people's time [resources]", "WATCH Departments contribute [silo]", "WATCH Many voices [contributors]"], flagged);
        Assert.Contains("      why:      Mapping done on top of an overflowing day job, with no funding, stalls.", lines);
        Assert.Equal(14, lines.Count(l => l.StartsWith("OK    ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task AHealthyProgramSaysSoInItsFirstLine()
    {
        var file = Path.Combine(RepoPaths.Root, "tests", "JourneyBot.Tests", "Health", "HealthCorpus", "mortgage.json");

        var (_, stdout, _) = await RunAsync("health", file, "--as-of", "2026-11-01", "--format", "text");

        Assert.StartsWith("Map health of First mortgage as of 2026-11-01: healthy, all 18 checks ok.", stdout);
    }

    [Fact]
    public async Task AnInvalidFileExitsWith2NamingTheField()
    {
        var json = JsonNode.Parse(ProgramFile.Write(SamplePrograms.Full()))!;
        json["program"]!["touchpoints"]![0]!["emotion"] = 7;
        var file = WriteFile("bad.json", json.ToJsonString());

        var (code, stdout, stderr) = await RunAsync("health", file);

        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.Contains("touchpoints[0].emotion", stderr);
    }

    [Theory]
    [InlineData("health")]
    [InlineData("health", "missing.json")]
    [InlineData("health", "x.json", "--as-of", "yesterday")]
    [InlineData("health", "x.json", "--format", "html")]
    public async Task BadArgumentsExitWith2AndSayHow(params string[] args)
    {
        var (code, _, stderr) = await RunAsync(args);

        Assert.Equal(2, code);
        Assert.False(string.IsNullOrWhiteSpace(stderr));
    }

    [Fact]
    public async Task TheDeployableRunsItWithoutStorageOrNetwork()
    {
        var file = WriteFile("program.json", ProgramFile.Write(SamplePrograms.Full()));
        // Storage pointed at a closed port proves the command never touches it.
        var result = await Tool.RunAppAsync(
            new Dictionary<string, string> { ["ConnectionStrings__Storage"] = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5;TableEndpoint=http://127.0.0.1:9/devstoreaccount1;" },
            "health", file, "--as-of", "2026-11-01");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal(18, JsonNode.Parse(result.Stdout)!.AsArray().Count);
    }
}
