using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using JourneyBot.Domain;
using JourneyBot.Health;
using JourneyBot.Bot;
using JourneyBot.Configuration;

namespace JourneyBot.Admin;

// The deployable doubles as an admin command line:
// `JourneyBot health program.json [--as-of 2026-11-01] [--format text]`,
// export, import and upgrade of program files, and `package` builds the Teams app package.
// Exit codes: 0 done, 2 bad arguments or an invalid file (the message names the field).
public static class AdminCommandLine
{
    public const string Usage = """
        usage: JourneyBot health <program.json> [--as-of yyyy-MM-dd] [--format json|text]
               JourneyBot list --tenant <tenant id>   (the tenant's programs: id, name, collecting since)
               JourneyBot export --tenant <tenant id> --program <program id>   (JSON on standard output)
               JourneyBot export --all [--tenant <tenant id>] --out <file, folder or blob container URL>   (a backup)
               JourneyBot import <program.json> --tenant <tenant id>
               JourneyBot import --replace <backup file or blob URL> [--tenant <tenant id>]   (a restore, not a merge)
               JourneyBot upgrade <program.json>   (rewrites the file in the format export writes now)
               JourneyBot package --app-id <guid> --host <host name> --out <zip> [--version 1.0.0] [--manifest <folder>] [--unpacked <folder>]
               JourneyBot delete-program --tenant <tenant id> --program <program id>   (every row of the program)
               JourneyBot erase-person --tenant <tenant id> --aad <object id>   (their id and name, from every table)
               JourneyBot import-readings --tenant <tenant id> --program <program id> --file <readings.csv> [--apply]
                          [--locale de-DE] [--by <object id>]   (columns metric,date,value[,link]; a preview unless --apply)
        list, export, import, import-readings, delete-program and erase-person use ConnectionStrings__Storage (default: Azurite on
        this machine); list and export only read. A backup folder gets a file named for the time; a name ending in .gz is gzipped.
        package fills in manifest.json from --manifest (default: manifest) and zips it with the two icons.
        """;

    public static readonly IReadOnlyList<string> Commands =
        ["health", "list", "export", "import", "upgrade", "package", "delete-program", "erase-person", "import-readings"];

    private static readonly string[] HelpWords = ["--help", "-h", "-?", "/?", "help"];

    // Only no arguments, or the host's own (--urls ..., --environment ..., Key=value), start the web server; any
    // other first word is an admin command, known or not, so a typo never starts a server that then hangs.
    public static bool StartsServer(string[] args) =>
        args.Length == 0 || (!HelpWords.Contains(args[0]) && (args[0].StartsWith('-') || args[0].Contains('=')));

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, TimeProvider clock)
    {
        if (HelpWords.Contains(args[0]))
        {
            await stdout.WriteAsync(Usage);
            return 0;
        }
        if (!Commands.Contains(args[0])) return Fail(stderr, Unknown(args[0]) + Environment.NewLine + Usage);
        try
        {
            return args[0] switch
            {
                "health" => await HealthAsync(Options(args[1..], ""), stdout, clock),
                "list" => await ProgramTransfer.ListAsync(Options(args[1..], "--tenant"), stdout, clock),
                "export" when Options(args[1..]).ContainsKey("--all") =>
                    await BackupExport.RunAsync(Backup(args[1..], "--out"), stdout, clock),
                "export" => await ProgramTransfer.ExportAsync(Options(args[1..], "--tenant", "--program"),
                    stdout, clock),
                "import" when Options(args[1..]).ContainsKey("--replace") =>
                    await BackupRestore.RunAsync(Backup(args[1..], "--replace"), stdout, clock),
                "import" => await ProgramTransfer.ImportAsync(Options(args[1..], "--tenant", ""), stdout, clock),
                "upgrade" => await UpgradeAsync(Options(args[1..], ""), stdout),
                "delete-program" => await ProgramDeletion.DeleteAsync(Options(args[1..], "--tenant", "--program"), stdout, clock),
                "erase-person" => await PersonErasure.EraseAsync(Options(args[1..], "--tenant", "--aad"),
                    stdout, stderr, clock),
                "import-readings" => await ReadingsImportCommand.RunAsync(Options(args[1..], "--tenant", "--program", "--file"),
                    stdout, clock),
                "package" => await AppPackage.BuildAsync(Options(args[1..], "--app-id", "--host", "--out"), stdout),
                _ => Fail(stderr, Usage),
            };
        }
        catch (ConfigurationException e)
        {
            stderr.WriteLine(e.Message);
            return 2;
        }
        catch (ProgramTransferException e)
        {
            stderr.WriteLine(e.Message);
            return e.ExitCode;
        }
        catch (AdminUsageException e)
        {
            return Fail(stderr, e.Message);
        }
        catch (ProgramFileException e)
        {
            return Fail(stderr, e.Message);
        }
    }

    private static async Task<int> HealthAsync(IReadOnlyDictionary<string, string> options, TextWriter stdout,
        TimeProvider clock)
    {
        var asOf = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (options.TryGetValue("--as-of", out var date)
            && !DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out asOf))
        {
            throw new AdminUsageException("--as-of needs a date like 2026-11-01.");
        }
        var format = options.GetValueOrDefault("--format", "json");
        if (format is not ("json" or "text")) throw new AdminUsageException("--format is json (the default) or text.");
        var file = options[""];
        if (!File.Exists(file)) throw new AdminUsageException($"{file}: no such file.");

        var program = ProgramFile.Read(await File.ReadAllTextAsync(file));
        if (format == "text")
        {
            await stdout.WriteAsync(HealthText(program, asOf));
            return 0;
        }
        var checks = new JsonArray(MapHealth.Evaluate(program, asOf).Select(c =>
        {
            var json = new JsonObject
            {
                ["id"] = c.Id.Name(),
                ["status"] = JsonNamingPolicy.CamelCase.ConvertName(c.Status.ToString()),
                ["figure"] = c.Figure,
                ["threshold"] = c.Threshold,
                ["nextStep"] = c.NextStep,
                ["why"] = c.Why,
            };
            if (c.Command is { } command) json["command"] = command.Typed();
            if (c.Details is { Count: > 0 }) json["details"] = new JsonArray(
                c.Details.Select(d => (JsonNode)JsonValue.Create(d)!).ToArray());
            return (JsonNode)json;
        }).ToArray());
        await stdout.WriteLineAsync(checks.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        return 0;
    }

    // A file in any format import reads (format 1, format 2 with one progress record per sponsor), written back as
    // export writes it now, so files kept outside storage (examples, test corpora) move with the format.
    private static async Task<int> UpgradeAsync(IReadOnlyDictionary<string, string> options, TextWriter stdout)
    {
        var file = options[""];
        if (!File.Exists(file)) throw new AdminUsageException($"{file}: no such file.");
        var before = await File.ReadAllTextAsync(file);
        var after = ProgramFile.Write(ProgramFile.Read(before)) + "\n";
        if (after == before)
        {
            await stdout.WriteLineAsync($"{file}: already in {ProgramFile.Format}.");
            return 0;
        }
        await File.WriteAllTextAsync(file, after);
        await stdout.WriteLineAsync($"{file}: upgraded to {ProgramFile.Format}.");
        return 0;
    }

    // For people: the flags first, worst first, each with figure, threshold, why and next step; then the checks not
    // judged yet, with what would make them apply; then the ok checks.
    private static string HealthText(JourneyProgram program, DateOnly asOf)
    {
        var checks = MapHealth.Evaluate(program, asOf);
        var flags = checks.Where(c => c.Status.IsFlag()).OrderByDescending(c => c.Status).ToList();
        var waiting = checks.Where(c => c.Status == HealthStatus.NotJudged).ToList();
        var ok = checks.Where(c => c.Status == HealthStatus.Ok).ToList();
        var date = asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var notJudged = waiting.Count == 0 ? "" : $", {waiting.Count} not judged yet";
        var lines = new List<string>
        {
            flags.Count == 0
                ? waiting.Count == 0
                    ? $"Map health of {program.Charter.Name} as of {date}: healthy, all {checks.Count} checks ok."
                    : $"Map health of {program.Charter.Name} as of {date}: nothing to act on, " +
                      $"{ok.Count} of {checks.Count} checks ok{notJudged}."
                : $"Map health of {program.Charter.Name} as of {date}: {Words.Count(flags.Count, "pitfall")} " +
                  $"to act on, {ok.Count} of {checks.Count} checks ok{notJudged}.",
        };
        foreach (var c in flags)
        {
            lines.Add("");
            lines.Add($"{(c.Status == HealthStatus.Fail ? "FAIL " : "WATCH")} {c.Title} [{c.Id.Name()}]");
            lines.Add($"      measured: {c.Figure}");
            lines.AddRange((c.Details ?? []).Select(d => $"        - {d}"));
            lines.Add($"      healthy:  {c.Threshold}");
            lines.Add($"      why:      {c.Why}");
            lines.Add($"      next:     {c.NextStep}{Typed(c.Command)}");
        }
        lines.Add("");
        lines.AddRange(waiting.Select(c => $"NOT JUDGED YET {c.Title} [{c.Id.Name()}]: {c.Figure}. {c.NextStep}"));
        lines.AddRange(ok.Select(c => $"OK    {c.Title} [{c.Id.Name()}]: {c.Figure}"));
        return string.Join(Environment.NewLine, lines) + Environment.NewLine;
    }

    private static string Typed(HealthCommand? command) => command switch
    {
        null => "",
        HealthCommand.Departments => " (in chat: program, then Edit, Departments and contacts)",
        { } c => $" (in chat: {c.Typed()})",
    };

    // A backup or a restore takes the options it names and none of one program's (a file, --program).
    private static Dictionary<string, string> Backup(string[] args, string required)
    {
        var options = Options(args, required);
        var command = required == "--out" ? "export --all" : "import --replace";
        if (options.ContainsKey("--program")) throw new AdminUsageException($"{command} takes no --program.\n{Usage}");
        if (options.ContainsKey("")) throw new AdminUsageException($"{command} takes no program file.\n{Usage}");
        return options;
    }

    // Options that take no value.
    private static readonly string[] Switches = ["--all", "--apply"];

    // Named options plus at most one positional argument (the file), keyed "".
    private static Dictionary<string, string> Options(string[] args, params string[] required)
    {
        var options = new Dictionary<string, string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (Switches.Contains(args[i]))
            {
                options[args[i]] = "";
            }
            else if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                if (i + 1 >= args.Length) throw new AdminUsageException($"{args[i]} needs a value.\n{Usage}");
                options[args[i]] = args[++i];
            }
            else if (!options.TryAdd("", args[i])) throw new AdminUsageException(Usage);
        }
        foreach (var name in required.Where(r => !options.ContainsKey(r)))
        {
            throw new AdminUsageException(name.Length == 0 ? Usage : $"{name} is required.\n{Usage}");
        }
        return options;
    }

    private static string Unknown(string word)
    {
        var nearest = CommandSuggestion.Nearest(word, Commands);
        var shown = word.Length > 40 ? word[..40] + "…" : word;
        return $"'{shown}' is not a JourneyBot command{(nearest is null ? "" : $"; did you mean '{nearest}'?")}. " +
               $"The commands are {string.Join(", ", Commands)}.";
    }

    private static int Fail(TextWriter stderr, string message)
    {
        stderr.WriteLine(message);
        return 2;
    }

    internal sealed class AdminUsageException(string message) : Exception(message);
}
