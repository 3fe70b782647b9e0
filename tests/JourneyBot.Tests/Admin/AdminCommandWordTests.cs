using JourneyBot.Admin;
using JourneyBot.Tests.Infrastructure;

namespace JourneyBot.Tests.Admin;

// The deployable's first word: an admin command, help, or (only with no arguments or the host's own) the server.
public sealed class AdminCommandWordTests
{
    private static async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await AdminCommandLine.RunAsync(args, stdout, stderr, TimeProvider.System);
        return (code, stdout.ToString(), stderr.ToString());
    }

    // Every command misspelt the usual ways (a letter dropped, doubled, swapped, replaced, case changed), plus
    // words that are no command at all.
    public static TheoryData<string> Misspelt()
    {
        // A set: a generated slip can equal one of the fixed words below ("erase-persn"), and a theory case twice is
        // skipped by the runner, not run twice.
        var words = new SortedSet<string>(StringComparer.Ordinal);
        var random = new Random(20261203);
        foreach (var command in AdminCommandLine.Commands)
        {
            var i = random.Next(1, command.Length - 1);
            words.Add(command.Remove(i, 1));
            words.Add(command.Insert(i, command[i].ToString()));
            words.Add(command[..(i - 1)] + command[i] + command[i - 1] + command[(i + 1)..]);
            words.Add(command[..i] + "x" + command[(i + 1)..]);
            words.Add(command.ToUpperInvariant());
            words.Add(command + "s");
        }
        foreach (var word in new[] { "erase-persn", "erase", "delete", "serve", "run", "start", "x", "healthz",
            "--", "📦", new string('a', 5000) })
        {
            words.Add(word);
        }
        return new TheoryData<string>(words);
    }

    [Theory]
    [MemberData(nameof(Misspelt))]
    public async Task AnUnknownCommandWordExits2WithTheListAndNeverStartsTheServer(string word)
    {
        Assert.False(AdminCommandLine.StartsServer([word, "program.json"]) && word != "--", word);
        if (word == "--") return;

        var (code, stdout, stderr) = await RunAsync(word, "program.json");

        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.Contains("is not a JourneyBot command", stderr);
        Assert.All(AdminCommandLine.Commands, c => Assert.Contains($"JourneyBot {c}", stderr));
        Assert.True(stderr.Length < 3_000, "the word is not echoed whole");
    }

    [Theory]
    [InlineData("helth", "health")]
    [InlineData("exprot", "export")]
    [InlineData("upgarde", "upgrade")]
    [InlineData("erase-persn", "erase-person")]
    public async Task ASlipOfALetterOrTwoIsCorrected(string typed, string meant)
    {
        var (_, _, stderr) = await RunAsync(typed);

        Assert.Contains($"did you mean '{meant}'?", stderr);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("help")]
    public async Task HelpListsEveryCommand(string word)
    {
        var (code, stdout, _) = await RunAsync(word);

        Assert.Equal(0, code);
        Assert.All(AdminCommandLine.Commands, c => Assert.Contains($"JourneyBot {c}", stdout));
        Assert.False(AdminCommandLine.StartsServer([word]));
    }

    [Fact]
    public void OnlyNoArgumentsOrTheHostsOwnStartTheServer()
    {
        Assert.True(AdminCommandLine.StartsServer([]));
        Assert.True(AdminCommandLine.StartsServer(["--urls", "http://127.0.0.1:5000"]));
        Assert.True(AdminCommandLine.StartsServer(["--environment", "Development"]));
        Assert.True(AdminCommandLine.StartsServer(["Logging:LogLevel:Default=Debug"]));
        Assert.False(AdminCommandLine.StartsServer(["health", "program.json"]));
    }

    // The deployable itself, as an administrator runs it: a typo ends at once with the list, no server started.
    [Fact]
    public async Task TheDeployableExits2OnATypoInsteadOfStartingTheServer()
    {
        var result = await Tool.RunAppAsync(new Dictionary<string, string>(), "erase-persn", "--tenant", "t1");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("'erase-persn' is not a JourneyBot command", result.Stderr);
        Assert.DoesNotContain("Now listening", result.Stdout);
    }
}
