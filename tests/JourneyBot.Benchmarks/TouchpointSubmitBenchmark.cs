using System.Text.Json.Nodes;
using Azure.Data.Tables;
using JourneyBot.Domain;
using JourneyBot.Programs;
using JourneyBot.Storage;
using JourneyBot.Tests.Domain;
using JourneyBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyBot.Benchmarks;

// Touchpoint submits (invoke adaptiveCard/action, JWT, role check, one insert, invoke response)
// at the chosen concurrency, against the floor Azurite sets: a bare insert loop at the same concurrency.
public static class TouchpointSubmitBenchmark
{
    public static async Task RunAsync(BenchmarkOptions options)
    {
        var submits = Math.Min(options.Turns, 5_000);
        Console.WriteLine();
        Console.WriteLine("Starting Azurite, the local channel and the bot for touchpoint submits...");
        await using var azurite = await AzuriteServer.StartAsync();
        await using var channel = await TestChannel.StartAsync();
        var appId = Guid.NewGuid().ToString();
        using var bot = BotApp.Authenticated(azurite.ConnectionString, channel, appId).Start();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency }) { BaseAddress = bot.BaseAddress };
        var token = channel.MintToken(appId);

        // One department per worker, each with its own contact, as staff of many departments submitting at once.
        var tenant = Guid.NewGuid().ToString();
        var chats = Enumerable.Range(0, options.Concurrency).Select(_ => new Activities(channel.ServiceUrl, appId) { TenantId = tenant }).ToArray();
        var charter = SamplePrograms.CompleteCharter(stages: 12, departments: options.Concurrency, personas: 3) with
        {
            Departments = chats.Select((c, i) => new Department($"d{i + 1}", $"Department {i + 1}", [new Person(c.UserAadObjectId, $"Contact {i + 1}")])).ToList(),
        };
        var program = SamplePrograms.Program(charter) with { Id = "bench" + Guid.NewGuid().ToString("N")[..8], TenantId = tenant };
        await bot.Services.GetRequiredService<ProgramStore>().ImportAsync(program, CancellationToken.None);

        string Body(int worker, int i)
        {
            var data = new JsonObject
            {
                ["programId"] = program.Id, ["formId"] = Guid.NewGuid().ToString("N"), ["v"] = "1", ["stage"] = $"s{i % 12 + 1}", ["department"] = $"d{worker + 1}",
                ["channel"] = "email", ["customerAction"] = "Reads the renewal notice and looks for the new price", ["personas"] = "p1,p2", ["emotion"] = "-1",
                ["painPoints"] = "Price not shown", ["evidence"] = "supportTickets", ["deliveredBy"] = "Renewals desk", ["systemOrProcess"] = "Billing",
            };
            return chats[worker].CardAction("touchpoint.save", data).ToJsonString();
        }

        await LoadRun.RunAsync(Math.Min(options.Warmup, 500), options.Concurrency, options.TimeLimit,
            async (worker, i) => LoadRun.IsOk(await HelpTurnBenchmark.SendAsync(http, token, Body(worker, i))));
        var before = StorageMetrics.Total;
        var result = await LoadRun.RunAsync(submits, options.Concurrency, options.TimeLimit,
            async (worker, i) => LoadRun.IsOk(await HelpTurnBenchmark.SendAsync(http, token, Body(worker, i))));
        var transactions = StorageMetrics.Total - before;

        // The floor: the same number of inserts of a touchpoint-sized row, straight to the same Azurite.
        var table = new TableServiceClient(azurite.ConnectionString).GetTableClient("BenchFloor");
        await table.CreateIfNotExistsAsync();
        var json = new string('x', 900);
        var floor = await LoadRun.RunAsync(submits, options.Concurrency, options.TimeLimit, async (worker, i) =>
        {
            await table.AddEntityAsync(new TableEntity($"w{worker}", $"r{i}") { ["Json"] = json });
            return true;
        });

        // What a submit does in storage now, and the least any design that checks the charter on every submit
        // can do: a point read and a single-row insert in one partition.
        var readAndInsert = await LoadRun.RunAsync(submits, options.Concurrency, options.TimeLimit, async (worker, i) =>
        {
            await table.GetEntityIfExistsAsync<TableEntity>($"w{worker}", $"r{i}");
            await table.AddEntityAsync(new TableEntity("one", $"r{worker}-{i}") { ["Json"] = json });
            return true;
        });

        // The yardstick of the design with counters (touchpoint, idempotency row and counter shard written
        // together): a point read and a three-row entity-group transaction, kept so figures compare across versions.
        var storageOnly = await LoadRun.RunAsync(submits, options.Concurrency, options.TimeLimit, async (worker, i) =>
        {
            await table.GetEntityIfExistsAsync<TableEntity>($"w{worker}", $"r{i}");
            await table.SubmitTransactionAsync(
            [
                new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("batch", $"a{i}") { ["Json"] = json }),
                new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("batch", $"b{i}") { ["Json"] = "idem" }),
                new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity("batch", $"c{worker}") { ["Count"] = i }),
            ]);
            return true;
        });

        Console.WriteLine();
        Console.WriteLine($"touchpoint submits (invoke, JWT, role check, transaction), concurrency {options.Concurrency}");
        Console.WriteLine($"  submits            {result.Completed:N0} ({result.Failures} failed)");
        Console.WriteLine($"  throughput         {result.PerSecond:N0} submits/s; bare insert floor {floor.PerSecond:N0} inserts/s ({result.PerSecond / floor.PerSecond:P0} of the floor)");
        Console.WriteLine($"  latency p50/p99    {result.Percentile(0.50):N2} / {result.Percentile(0.99):N2} ms (floor {floor.Percentile(0.50):N2} / {floor.Percentile(0.99):N2} ms)");
        Console.WriteLine($"  storage            {(double)transactions / result.Completed:N2} table transactions per touchpoint");
        Console.WriteLine($"  read+insert floor  {readAndInsert.PerSecond:N0}/s for a point read + a single-row insert in one partition ({result.PerSecond / readAndInsert.PerSecond:P0} of it)");
        Console.WriteLine($"  counters yardstick {storageOnly.PerSecond:N0}/s for a point read + a 3-row transaction in one partition ({result.PerSecond / storageOnly.PerSecond:P0} of it)");
    }
}
