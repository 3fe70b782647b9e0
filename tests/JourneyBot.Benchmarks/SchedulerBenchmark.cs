using System.Diagnostics;
using JourneyBot.Scheduling;
using JourneyBot.Storage;
using JourneyBot.Tests.FollowUps;
using JourneyBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyBot.Benchmarks;

// Due sends drained by three app instances on one Azurite, against a local connector that answers 429 beyond
// Teams' published limits (50/s per tenant; 7/s, 8/2 s, 60/30 s, 1,800/h per conversation). Reports the
// achieved rate as a share of what those limits allow, duplicates, losses, storage cost and read efficiency.
public static class SchedulerBenchmark
{
    private const int Sends = 10_000;
    private const int Conversations = 2_000;
    private const int Tenants = 10;
    private const int Instances = 3;

    public static async Task RunAsync(BenchmarkOptions options)
    {
        Console.WriteLine();
        Console.WriteLine($"Starting Azurite, the local channel and {Instances} instances for {Sends:N0} due sends...");
        await using var azurite = await AzuriteServer.StartAsync();
        await using var channel = await TestChannel.StartAsync();
        channel.Limits = new TeamsLimits();
        var appId = Guid.NewGuid().ToString();
        var seeded = await DueSends.SeedAsync(azurite.ConnectionString, channel, appId, Sends, Conversations, Tenants, DateTimeOffset.UtcNow.AddSeconds(-1));

        var before = StorageMetrics.Total;
        var clock = Stopwatch.StartNew();
        var instances = Enumerable.Range(0, Instances).Select(_ => BotApp.Authenticated(azurite.ConnectionString, channel, appId, null, new Dictionary<string, string?>
        {
            ["Scheduler:Enabled"] = "true",
            ["Scheduler:TickSeconds"] = "0.25",
            ["Scheduler:LeaseSeconds"] = "30",
        }).Start()).ToList();
        try
        {
            var limit = TimeSpan.FromSeconds(Math.Max(options.TimeLimit.TotalSeconds, 120));
            while (clock.Elapsed < limit && (channel.Delivered.Count < Sends || await DueSends.PendingAsync(azurite.ConnectionString) > 0))
            {
                await Task.Delay(250);
            }
            var drained = clock.Elapsed;
            var transactions = StorageMetrics.Total - before;
            var totals = instances.Select(i => i.Services.GetRequiredService<Scheduler>().Totals).ToList();

            var delivered = channel.Delivered.ToList();
            var distinct = delivered.Select(d => d.Body!["attachments"]![0]!["content"]!.ToJsonString()).Distinct().Count();
            var allowed = 50.0 * Tenants;
            // Measured from the first send to the last, so the instances' start-up is not counted against them.
            var sending = delivered.Count < 2 ? drained : delivered.Max(d => d.At) - delivered.Min(d => d.At);
            var achieved = delivered.Count / sending.TotalSeconds;
            Console.WriteLine();
            Console.WriteLine($"scheduler: {Sends:N0} due sends, {Conversations:N0} conversations in {Tenants} tenants, {Instances} instances (tick 0.25 s)");
            Console.WriteLine($"  drained in         {drained.TotalSeconds:N1} s (instances started inside it); sending took {sending.TotalSeconds:N1} s");
            Console.WriteLine($"  send rate          {achieved:N0}/s of {allowed:N0}/s allowed ({achieved / allowed:P0}); Teams answered 429 {channel.Throttled} times");
            Console.WriteLine($"  duplicates         {delivered.Count - distinct}");
            Console.WriteLine($"  losses             {seeded.Sends - distinct} (pending rows left: {await DueSends.PendingAsync(azurite.ConnectionString)})");
            Console.WriteLine($"  storage            {(double)transactions / Math.Max(1, delivered.Count):N2} table transactions per send (claims and completions included, heartbeats too)");
            var start = delivered.Min(d => d.At);
            Console.WriteLine("  timeline " + string.Join(" ", delivered.GroupBy(d => (int)(d.At - start).TotalSeconds).OrderBy(g => g.Key).Select(g => g.Count())));
            foreach (var t in delivered.GroupBy(d => d.TenantId).OrderBy(g => g.Key)) Console.WriteLine($"  tenant {t.Key}: {t.Min(d => d.At) - start:ss\\.f}..{t.Max(d => d.At) - start:ss\\.f} " + string.Join(" ", t.GroupBy(d => (int)(d.At - start).TotalSeconds).OrderBy(g => g.Key).Select(g => g.Count())));
            Console.WriteLine($"  reads              {totals.Sum(t => t.RowsRead):N0} rows read for {Sends:N0} rows due ({(double)totals.Sum(t => t.RowsRead) / Sends:N2}x) in {totals.Sum(t => t.Reads):N0} reads; {totals.Sum(t => t.RowsClaimed):N0} claims won");
        }
        finally
        {
            foreach (var instance in instances) await instance.DisposeAsync();
        }
    }
}
