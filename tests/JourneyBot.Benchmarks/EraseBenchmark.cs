using System.Diagnostics;
using Azure.Data.Tables;
using JourneyBot.Admin;
using JourneyBot.Conversations;
using JourneyBot.Domain;
using JourneyBot.Health;
using JourneyBot.Map;
using JourneyBot.Outreach;
using JourneyBot.Programs;
using JourneyBot.Storage;
using JourneyBot.Tests.Domain;
using JourneyBot.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace JourneyBot.Benchmarks;

// `erase-person` on a tenant of 50 programs of 400 touchpoints each, all of which name the person: owner, sponsor,
// contact, creator of a quarter of the touchpoints, owner of an action, the one who held a review, a progress card's
// recipient who acknowledged it, with a map snapshot per program, planned markers, a membership and a personal chat.
// Runs the real command in this process (so StorageMetrics counts its table transactions), then again (the run that
// finds nothing left), then `export` of every program, against the target of under 60 s for the erasure.
public static class EraseBenchmark
{
    private const int Programs = 50;
    private const int TouchpointsEach = 400;
    private static readonly TimeSpan Target = TimeSpan.FromSeconds(60);

    public static async Task RunAsync()
    {
        Console.WriteLine();
        Console.WriteLine($"Starting Azurite; seeding {Programs} programs of {TouchpointsEach} touchpoints...");
        await using var azurite = await AzuriteServer.StartAsync();
        var tables = new StorageTables(new TableServiceClient(azurite.ConnectionString));
        foreach (var name in StorageTables.All) await tables.Service.CreateTableIfNotExistsAsync(name);
        var tenant = Guid.NewGuid().ToString();
        var person = new Person(Guid.NewGuid().ToString(), "Zofia Quillfeather");
        var seeding = Stopwatch.StartNew();
        var ids = await SeedAsync(tables, tenant, person);
        Console.WriteLine($"  seeded in {seeding.Elapsed.TotalSeconds:0.0} s");

        // The command reads ConnectionStrings__Storage like the deployable does.
        Environment.SetEnvironmentVariable("ConnectionStrings__Storage", azurite.ConnectionString);
        string[] erase = ["erase-person", "--tenant", tenant, "--aad", person.AadObjectId];
        var (first, firstRequests, output) = await RunAsync(erase);
        var (again, againRequests, _) = await RunAsync(erase);
        var exports = Stopwatch.StartNew();
        var exportRequests = StorageMetrics.Total;
        foreach (var id in ids) await RunAsync(["export", "--tenant", tenant, "--program", id]);
        exports.Stop();
        exportRequests = StorageMetrics.Total - exportRequests;

        Console.WriteLine();
        Console.WriteLine($"erase: {Programs} programs x {TouchpointsEach} touchpoints " +
            $"({Programs * TouchpointsEach:N0}), " +
            $"the person in all of them ({Environment.ProcessorCount} cores)");
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            Console.WriteLine("  | " + line);
        }
        Console.WriteLine($"  erase-person:            {first.TotalSeconds,6:0.0} s, " +
            $"{firstRequests,6:N0} table transactions " +
            $"(target < {Target.TotalSeconds:0} s: {(first < Target ? "met" : "NOT met")})");
        Console.WriteLine($"  erase-person again:      {again.TotalSeconds,6:0.0} s, " +
            $"{againRequests,6:N0} table transactions " +
            "(finds nothing left to change)");
        Console.WriteLine($"  export x {Programs} programs:   {exports.Elapsed.TotalSeconds,6:0.0} s, " +
            $"{exportRequests,6:N0} table " +
            "transactions (one command per program; export --all is not part of this branch)");
    }

    private static async Task<(TimeSpan Elapsed, long Requests, string Output)> RunAsync(string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var before = StorageMetrics.Total;
        var clock = Stopwatch.StartNew();
        var code = await AdminCommandLine.RunAsync(args, stdout, stderr, TimeProvider.System);
        clock.Stop();
        if (code != 0) throw new InvalidOperationException($"{string.Join(" ", args[..1])} exited {code}: {stderr}");
        return (clock.Elapsed, StorageMetrics.Total - before, stdout.ToString());
    }

    private static async Task<List<string>> SeedAsync(StorageTables tables, string tenant, Person person)
    {
        var owner = new Person(Guid.NewGuid().ToString(), "Olivia Owner");
        var sponsor = new Person(Guid.NewGuid().ToString(), "Sam Sponsor");
        var store = new ProgramStore(tables, new MembershipStore(tables), TimeProvider.System);
        var snapshots = new MapSnapshotStore(tables, NullLogger<MapSnapshotStore>.Instance);
        var followUps = new FollowUpStore(tables, TimeProvider.System);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var ids = new List<string>();
        for (var p = 0; p < Programs; p++)
        {
            var charter = SamplePrograms.CompleteCharter(stages: 8, departments: 10) with
            {
                Name = $"Journey {p}",
                Owners = [owner, person],
                Sponsors = [sponsor, person],
                Team = [new TeamMember(person, 20)],
            };
            charter = charter with
            {
                Departments = [charter.Departments[0] with { Contacts = [person] }, .. charter.Departments.Skip(1)],
            };
            var touchpoints = Enumerable.Range(0, TouchpointsEach).Select(i => SamplePrograms.Touchpoint(i,
                    $"s{i % 8 + 1}", $"d{i % 10 + 1}", i % 4 == 0 ? person : SamplePrograms.PersonNo(i % 40))
                with
                {
                    CustomerAction = $"Customer compares renewal quote {i} of journey {p} with last year's price",
                    PainPoints = i % 3 == 0 ? $"Quote {i} arrives late and the change is not explained" : null,
                    Backstage = new Backstage("Renewals team", "Quote engine", null),
                    Emotion = i % 5 - 2,
                }).ToList();
            var program = SamplePrograms.Program(charter, touchpoints,
                [
                    new ImprovementAction { Id = "a1", Title = "Explain", Owner = person, DueOn = today.AddDays(9) },
                    new ImprovementAction { Id = "a2", Title = "Quote", Owner = owner, DueOn = today.AddDays(30) },
                ],
                collectionOpenedOn: today.AddDays(-60)) with { Id = $"bench{p:D3}", TenantId = tenant };
            program = program with
            {
                Reviews = [new Review("rv1", today.AddDays(-30), person,
                    MapHealth.TakeSnapshot(program, today.AddDays(-30)))],
                ProgressUpdates = [new ProgressCard("cadence-1", today.AddDays(-29),
                    [sponsor.AadObjectId, person.AadObjectId],
                    [new Acknowledgement(person.AadObjectId, today.AddDays(-28))])],
            };
            await store.ImportAsync(program, CancellationToken.None);
            var snapshot = MapSnapshot.Take(program, today.AddDays(-30));
            await snapshots.SaveAsync(program.Id, "r-rv1", snapshot, CancellationToken.None);
            await followUps.MarkPlannedAsync(program.Id, [$"review|{today:yyyyMMdd}|1|{person.AadObjectId}"],
                CancellationToken.None);
            ids.Add(program.Id);
        }
        await tables.Conversations.UpsertEntityAsync(new ConversationRow
        {
            PartitionKey = ConversationStore.PartitionFor(tenant),
            RowKey = ConversationStore.UserRowKey(person.AadObjectId),
            ConversationId = "a:bench", ConversationType = "personal", TenantId = tenant,
            UserAadObjectId = person.AadObjectId, Active = true,
        });
        return ids;
    }
}
