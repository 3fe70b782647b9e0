using System.Diagnostics;
using Azure.Data.Tables;
using JourneyBot.Admin;
using JourneyBot.Conversations;
using JourneyBot.Domain;
using JourneyBot.Map;
using JourneyBot.Outreach;
using JourneyBot.Programs;
using JourneyBot.Storage;
using JourneyBot.Tests.Admin;
using JourneyBot.Tests.Domain;
using JourneyBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyBot.Benchmarks;

// `export --all` of a tenant with 50 programs of 400 touchpoints each (every text filled, a map snapshot per
// program, memberships, conversations, planned sends), beside a smaller tenant whose rows the tenant's backup must
// pass over; then the whole account, and `import --replace` of the tenant's backup into a new, empty Azurite. The
// commands run in this process as the deployable runs them; table transactions are the app's own count of requests
// (StorageMetrics, every retry included).
public static class ExportBenchmark
{
    private const int Programs = 50;
    private const int TouchpointsEach = 400;
    private const int OtherTenantPrograms = 5;
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(10);

    public static async Task RunAsync()
    {
        Console.WriteLine();
        Console.WriteLine($"Starting Azurite and seeding {Programs} programs of {TouchpointsEach} touchpoints...");
        await using var azurite = await AzuriteServer.StartAsync();
        var tenant = Guid.NewGuid().ToString();
        var seeding = Stopwatch.StartNew();
        await SeedAsync(azurite.ConnectionString, tenant, Programs);
        await SeedAsync(azurite.ConnectionString, Guid.NewGuid().ToString(), OtherTenantPrograms);
        Console.WriteLine($"  seeded in {seeding.Elapsed.TotalSeconds:0.0} s");

        var folder = Directory.CreateTempSubdirectory("journeybot-export-bench-").FullName;
        try
        {
            Console.WriteLine();
            Console.WriteLine($"export --all: tenant of {Programs} x {TouchpointsEach} touchpoints " +
                $"(+ another tenant of {OtherTenantPrograms} programs in the account)");
            Console.WriteLine($"  {"run",-28}  {"time",8}  {"transactions",12}  {"rows",7}  {"file",9}");
            string? backup = null;
            for (var run = 1; run <= 3; run++)
            {
                var file = Path.Combine(folder, $"tenant-{run}.ndjson.gz");
                await MeasureAsync($"tenant, run {run}", azurite.ConnectionString, file,
                    ["export", "--all", "--tenant", tenant, "--out", file]);
                backup = file;
            }
            var whole = Path.Combine(folder, "whole.ndjson.gz");
            await MeasureAsync("whole account", azurite.ConnectionString, whole, ["export", "--all", "--out", whole]);

            await using var empty = await AzuriteServer.StartAsync();
            await MeasureAsync("import --replace (tenant)", empty.ConnectionString, backup!,
                ["import", "--replace", backup!]);
            await MeasureAsync("import --replace again", empty.ConnectionString, backup!,
                ["import", "--replace", backup!]);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task MeasureAsync(string name, string storage, string file, string[] args)
    {
        Environment.SetEnvironmentVariable("ConnectionStrings__Storage", storage);
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var before = StorageMetrics.Total;
        var clock = Stopwatch.StartNew();
        var code = await AdminCommandLine.RunAsync(args, stdout, stderr, TimeProvider.System).WaitAsync(Limit);
        clock.Stop();
        var transactions = StorageMetrics.Total - before;
        if (code != 0) throw new InvalidOperationException($"{string.Join(' ', args)} exited {code}: {stderr}");
        var rows = (await BackupLines.RowsAsync(file)).Count;
        Console.WriteLine($"  {name,-28}  {clock.Elapsed.TotalSeconds,6:0.00} s  {transactions,12:N0}  {rows,7:N0}  " +
            $"{new FileInfo(file).Length / 1024.0 / 1024,6:0.0} MB");
    }

    private static async Task SeedAsync(string storage, string tenant, int programs)
    {
        using var app = BotApp.Anonymous(storage).Start();
        var store = app.Services.GetRequiredService<ProgramStore>();
        var snapshots = app.Services.GetRequiredService<MapSnapshotStore>();
        var followUps = app.Services.GetRequiredService<FollowUpStarter>();
        var tables = app.Services.GetRequiredService<StorageTables>();
        var serviceUrl = "https://smba.trafficmanager.net/emea/";
        await tables.ServiceUrls.UpsertEntityAsync(new TableEntity(ServiceUrlTrustStore.Partition,
            ServiceUrlTrustStore.RowKeyFor(serviceUrl)) { ["ServiceUrl"] = serviceUrl });
        await Parallel.ForEachAsync(Enumerable.Range(0, programs), new ParallelOptions { MaxDegreeOfParallelism = 4 },
            async (p, cancellationToken) =>
            {
                var program = Program(tenant, p);
                await store.ImportAsync(program, cancellationToken);
                await snapshots.SaveAsync(program.Id, MapSnapshotStore.ForProgressCard(SamplePrograms.AsOf),
                    MapSnapshot.Take(program, SamplePrograms.AsOf), cancellationToken);
                await followUps.StartAsync(tenant, program.Id, cancellationToken);
            });
        foreach (var person in Enumerable.Range(0, 60).Select(SamplePrograms.PersonNo))
        {
            await tables.Conversations.UpsertEntityAsync(new ConversationRow
            {
                PartitionKey = ConversationStore.PartitionFor(tenant),
                RowKey = ConversationStore.UserRowKey(person.AadObjectId), ServiceUrl = serviceUrl,
                ChannelId = "msteams", ConversationId = "a:chat-" + person.AadObjectId, ConversationType = "personal",
                TenantId = tenant, BotId = "28:bot", UserAadObjectId = person.AadObjectId, Active = true,
            });
        }
    }

    private static JourneyProgram Program(string tenant, int p)
    {
        var charter = SamplePrograms.CompleteCharter(stages: 12, departments: 10, personas: 5) with
        {
            Name = $"Journey {p}",
        };
        var touchpoints = Enumerable.Range(0, TouchpointsEach).Select(i =>
            SamplePrograms.Touchpoint(i, $"s{i % 12 + 1}", $"d{i % 10 + 1}", SamplePrograms.PersonNo(i % 60)) with
            {
                PersonaIds = [$"p{i % 5 + 1}"],
                Emotion = i % 5 - 2,
                CustomerAction = $"Customer checks the renewal quote {i} and compares it with last year's price online",
                PainPoints = i % 3 == 0
                    ? $"Quote {i} arrives late and the price change is not explained anywhere"
                    : null,
                Evidence = i % 2 == 0 ? Evidence.SupportTickets : Evidence.Assumption,
                Verbatim = i % 4 == 0 ? "\"I had to call twice to find out why it went up.\"" : null,
                Backstage = new Backstage("Renewals team", "Quote engine", "Quotes are batched overnight"),
            });
        return SamplePrograms.Program(charter, touchpoints, collectionOpenedOn: SamplePrograms.AsOf.AddDays(-30))
            with { Id = $"bench{p:D2}{Guid.NewGuid():N}"[..20], TenantId = tenant };
    }
}
