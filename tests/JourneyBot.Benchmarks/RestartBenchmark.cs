using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Azure.Data.Tables;
using JourneyBot.Domain;
using JourneyBot.Storage;
using JourneyBot.Tests.Domain;
using JourneyBot.Tests.Infrastructure;

namespace JourneyBot.Benchmarks;

// Three processes of the deployable on one table storage, follow-ups due for every person of eight imported
// programs, a recording connector with Teams' limits and a chosen round trip; one process is stopped mid-run, by
// SIGTERM (a planned restart: nothing may repeat) or by SIGKILL (a crash: nothing may be lost, and what repeats
// is at most what it had on its way). Everything is created through the product's own paths: installs through
// /api/messages, programs through the `import` command.
public static class RestartBenchmark
{
    private const int Programs = 8;
    private const int DepartmentsPerProgram = 16;
    private const int ContactsPerDepartment = 6;
    private const int Instances = 3;

    public static async Task RunAsync()
    {
        Console.WriteLine();
        Console.WriteLine($"Restarts: {Instances} processes, {Programs} programs, {Programs * (DepartmentsPerProgram * ContactsPerDepartment + 2)} people with a follow-up due");
        Console.WriteLine("| round trip | signal | due | delivered | lost | repeated | on their way at the signal (all instances) | victim exited after |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        foreach (var roundTrip in new[] { 0, 200 })
        {
            foreach (var signal in new[] { Signal.Term, Signal.Kill })
            {
                var r = await RunOnceAsync(TimeSpan.FromMilliseconds(roundTrip), signal);
                Console.WriteLine($"| {roundTrip} ms | {signal} | {r.Due} | {r.Delivered} | {r.Lost} | {r.Repeated} | {r.InFlight} | {r.ExitedAfter.TotalSeconds:0.0} s |");
            }
        }
    }

    private enum Signal { Term = 15, Kill = 9 }

    private sealed record Result(int Due, int Delivered, int Lost, int Repeated, int InFlight, TimeSpan ExitedAfter);

    private static async Task<Result> RunOnceAsync(TimeSpan roundTrip, Signal signal)
    {
        await using var azurite = await AzuriteServer.StartAsync();
        await using var channel = await TestChannel.StartAsync();
        channel.Limits = new TeamsLimits();
        var appId = Guid.NewGuid().ToString();
        var environment = new Dictionary<string, string>
        {
            ["MicrosoftAppId"] = appId,
            ["MicrosoftAppPassword"] = "not-used-because-the-connector-is-on-loopback",
            ["MicrosoftAppType"] = "MultiTenant",
            ["ConnectionStrings__Storage"] = azurite.ConnectionString,
            ["Bot__OpenIdMetadataUrl"] = channel.MetadataUrl,
            ["Bot__ServiceUrlHosts"] = "127.0.0.1",
            ["Scheduler__TickSeconds"] = "1",
            ["Scheduler__LeaseSeconds"] = "10",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__JourneyBot.Scheduling"] = "Information",
        };

        var ports = Enumerable.Range(0, Instances).Select(_ => FreePort.Next()).ToList();
        var processes = ports.Select(port => App(environment, port, "--urls", $"http://127.0.0.1:{port}")).ToList();
        try
        {
            foreach (var port in ports) await FreePort.WaitUntilListeningAsync(port, TimeSpan.FromSeconds(60), () => "");
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{ports[0]}"), Timeout = TimeSpan.FromSeconds(30) };

            // Everyone installs the app (their personal chat is stored), then the programs arrive by import.
            var people = new List<Activities>();
            var files = new List<(string Path, string Tenant)>();
            for (var p = 0; p < Programs; p++)
            {
                var tenant = Guid.NewGuid().ToString();
                var chats = Enumerable.Range(0, DepartmentsPerProgram * ContactsPerDepartment + 2)
                    .Select(_ => new Activities(channel.ServiceUrl, appId) { TenantId = tenant }).ToList();
                people.AddRange(chats);
                files.Add((WriteProgram(p, tenant, chats), tenant));
            }
            var token = channel.MintToken(appId);
            await Parallel.ForEachAsync(people, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (chat, ct) =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(chat.Installation("add").ToJsonString(), Encoding.UTF8, "application/json") };
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                (await http.SendAsync(request, ct)).EnsureSuccessStatusCode();
            });
            var welcomes = channel.Delivered.Count;
            channel.RoundTrip = roundTrip;
            foreach (var (path, tenant) in files)
            {
                using var import = App(environment, null, "import", path, "--tenant", tenant);
                var exited = await import.WaitForExitAsync(TimeSpan.FromSeconds(60));
                if (exited != 0) throw new InvalidOperationException($"import failed ({exited}): {import.ReadLog()}");
            }

            // The victim is stopped once a fifth of the follow-ups went out.
            var expected = people.Count;
            var until = DateTime.UtcNow + TimeSpan.FromSeconds(120);
            while (channel.Delivered.Count - welcomes < expected / 5 && DateTime.UtcNow < until) await Task.Delay(20);
            var inFlight = channel.InFlight;
            var stopped = Stopwatch.StartNew();
            Kill(processes[^1].Id, (int)signal);
            await processes[^1].WaitForExitAsync(TimeSpan.FromSeconds(60));
            var exitedAfter = stopped.Elapsed;

            // Quiet: nothing due left and nothing delivered for a few seconds (bounded).
            var lastCount = -1;
            var quietSince = DateTime.UtcNow;
            until = DateTime.UtcNow + TimeSpan.FromSeconds(180);
            while (DateTime.UtcNow < until)
            {
                var count = channel.Delivered.Count;
                if (count != lastCount) (lastCount, quietSince) = (count, DateTime.UtcNow);
                if (DateTime.UtcNow - quietSince > TimeSpan.FromSeconds(5) && await DueNowAsync(azurite.ConnectionString) == 0) break;
                await Task.Delay(250);
            }

            var followUps = channel.Delivered.Skip(welcomes).GroupBy(d => d.ConversationId).ToDictionary(g => g.Key, g => g.Count());
            var pending = await DueNowAsync(azurite.ConnectionString);
            return new Result(expected, followUps.Count, pending + Math.Max(0, expected - followUps.Count - pending), followUps.Values.Sum(c => c - 1), inFlight, exitedAfter);
        }
        finally
        {
            foreach (var process in processes) process.Dispose();
        }
    }

    // The deployable itself, as App Service runs it (its own process, its own configuration from the environment).
    private static ChildProcess App(IDictionary<string, string> environment, int? port, params string[] arguments) =>
        ChildProcess.Start("dotnet", [Path.Combine(AppContext.BaseDirectory, "JourneyBot.dll"), .. arguments],
            Path.Combine(RepoPaths.Root, "src", "JourneyBot"), environment);

    // A collecting program with nobody's touchpoints yet: every contact is due a nudge, every owner a review and
    // every sponsor a progress card, today, at any hour.
    private static string WriteProgram(int index, string tenant, IReadOnlyList<Activities> chats)
    {
        var person = (Activities chat, string name) => new Person(chat.UserAadObjectId, name);
        var charter = SamplePrograms.CompleteCharter(stages: 4, departments: 1, personas: 1) with
        {
            Name = $"Restart benchmark {index}",
            Owners = [person(chats[0], "Owner")],
            Sponsors = [person(chats[1], "Sponsor")],
            Departments = Enumerable.Range(0, DepartmentsPerProgram).Select(d => new Department($"d{d + 1}", $"Department {d + 1}",
                chats.Skip(2 + d * ContactsPerDepartment).Take(ContactsPerDepartment).Select((c, i) => person(c, $"Contact {d + 1}.{i + 1}")).ToList())).ToList(),
            WorkingHours = new WorkingHours(new TimeOnly(0, 0), new TimeOnly(23, 59), Enum.GetValues<DayOfWeek>(), "Etc/UTC"),
        };
        var program = SamplePrograms.Program(charter, collectionOpenedOn: DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-60)) with
        {
            Id = "restart" + Guid.NewGuid().ToString("N")[..10], TenantId = tenant,
        };
        var path = Path.Combine(Path.GetTempPath(), $"journeybot-restart-{program.Id}.json");
        File.WriteAllText(path, ProgramFile.Write(program));
        return path;
    }

    // Follow-ups due by now and not yet sent (tomorrow's planning is not due). The nightly name refreshes message
    // nobody: here they wait on a directory that cannot be reached (no Graph on this machine) and run for minutes,
    // so they are not sends that could be lost.
    private static async Task<int> DueNowAsync(string storage)
    {
        var table = new TableServiceClient(storage).GetTableClient(StorageTables.ScheduleName);
        var now = DateTimeOffset.UtcNow;
        var count = 0;
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey ge {"due|"} and PartitionKey lt {"due}"} and DueAt le {now}"),
            select: ["RowKey", "Kind"]))
        {
            if (!(row.GetString("Kind") ?? "").StartsWith("names", StringComparison.Ordinal)) count++;
        }
        return count;
    }

    private static void Kill(int pid, int signal)
    {
        using var kill = Process.Start("kill", [$"-{signal}", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }
}
