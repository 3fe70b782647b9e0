using System.Diagnostics;
using JourneyBot.Scheduling;
using JourneyBot.Storage;
using JourneyBot.Tests.Scheduling;
using JourneyBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyBot.Benchmarks;

// Due sends drained by three app instances on one Azurite, against a local connector that answers 429 beyond
// Teams' published limits (50/s per tenant; 7/s, 8/2 s, 60/30 s, 1,800/h per conversation). Reports the
// achieved rate as a share of what those limits allow, duplicates, losses, storage cost and read efficiency.
// The instances first drain a warm-up batch, so the figures are those of running instances that know of each
// other, not of start-up and just-in-time compilation.
public static class SchedulerBenchmark
{
    // The batch measured, and how many people in how many tenants it goes to.
    public sealed record Shape(int Sends, int Conversations, int Tenants);

    // Today's scale, and growth: three times the tenants, each with its own 50/s.
    public static readonly Shape Standard = new(10_000, 2_000, 10);
    public static readonly Shape Growth = new(30_000, 6_000, 30);

    private const int WarmUpSends = 2_000;
    private const int Instances = 3;
    private const double TickSeconds = 0.25;

    public static Task RunAsync(BenchmarkOptions options) => RunAsync(options, Standard);

    // The achieved rate, from the first send to the last, for the caller to compare (the growth scenario's floor).
    public static async Task<double?> RunAsync(BenchmarkOptions options, Shape shape)
    {
        var (Sends, Conversations, Tenants) = (shape.Sends, shape.Conversations, shape.Tenants);
        Console.WriteLine();
        Console.WriteLine($"Starting Azurite, the local channel and {Instances} instances; {WarmUpSends:N0} warm-up sends, then {Sends:N0} measured...");
        await using var azurite = await AzuriteServer.StartAsync();
        await using var channel = await TestChannel.StartAsync();
        channel.Limits = new TeamsLimits();
        var appId = Guid.NewGuid().ToString();
        var limit = TimeSpan.FromSeconds(Math.Max(options.TimeLimit.TotalSeconds, 120));

        await DueSends.SeedAsync(azurite.ConnectionString, channel, appId, WarmUpSends, Conversations, Tenants, DateTimeOffset.UtcNow.AddSeconds(-1), "warm-up");
        var instances = Enumerable.Range(0, Instances).Select(_ => BotApp.Authenticated(azurite.ConnectionString, channel, appId, null, new Dictionary<string, string?>
        {
            ["Scheduler:Enabled"] = "true",
            ["Scheduler:TickSeconds"] = TickSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Scheduler:LeaseSeconds"] = "30",
        }).Start()).ToList();
        try
        {
            if (!await DrainedAsync(azurite, channel, WarmUpSends, Stopwatch.StartNew(), limit))
            {
                Console.WriteLine("  the warm-up batch was not drained in time; no figures.");
                return null;
            }

            // Due a little after seeding ends, so all instances meet the whole batch at once.
            channel.Delivered.Clear();
            var throttledBefore = channel.Throttled;
            // Seeding 30,000 rows takes longer than 10,000.
            var dueAt = DateTimeOffset.UtcNow.AddSeconds(20 * Math.Max(1, Sends / 10_000));
            var seeded = await DueSends.SeedAsync(azurite.ConnectionString, channel, appId, Sends, Conversations, Tenants, dueAt, "measured");
            if (DateTimeOffset.UtcNow > dueAt - TimeSpan.FromSeconds(1))
            {
                Console.WriteLine("  seeding took longer than the margin before the batch fell due; no figures.");
                return null;
            }
            // Seeding's garbage is not the instances' to collect while they are measured.
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var totalsBefore = Totals(instances);
            var before = StorageMetrics.Total;
            var clock = Stopwatch.StartNew();
            await DrainedAsync(azurite, channel, Sends, clock, limit);
            var transactions = StorageMetrics.Total - before;
            var totals = Totals(instances);
            var reads = totals.Reads - totalsBefore.Reads;
            var rowsRead = totals.RowsRead - totalsBefore.RowsRead;
            var rowsClaimed = totals.RowsClaimed - totalsBefore.RowsClaimed;

            var delivered = channel.Delivered.ToList();
            var distinct = delivered.Select(d => d.Body!["attachments"]![0]!["content"]!.ToJsonString()).Distinct().Count();
            var allowed = 50.0 * Tenants;
            // From the first send to the last.
            var start = delivered.Count == 0 ? default : delivered.Min(d => d.At);
            var sending = delivered.Count < 2 ? clock.Elapsed : delivered.Max(d => d.At) - start;
            var achieved = delivered.Count / sending.TotalSeconds;
            Console.WriteLine();
            Console.WriteLine($"scheduler: {Sends:N0} due sends, {Conversations:N0} conversations in {Tenants} tenants, {Instances} running instances (tick {TickSeconds} s)");
            Console.WriteLine($"  sending took       {sending.TotalSeconds:N1} s from the first send to the last");
            Console.WriteLine($"  send rate          {achieved:N0}/s of {allowed:N0}/s allowed ({achieved / allowed:P0}); Teams answered 429 {channel.Throttled - throttledBefore} times");
            Console.WriteLine($"  sends per second   {string.Join(" ", delivered.GroupBy(d => (int)(d.At - start).TotalSeconds).OrderBy(g => g.Key).Select(g => g.Count()))}");
            Console.WriteLine($"  duplicates         {delivered.Count - distinct}");
            Console.WriteLine($"  losses             {seeded.Sends - distinct} (pending rows left: {await DueSends.PendingAsync(azurite.ConnectionString)})");
            Console.WriteLine($"  storage            {(double)transactions / Math.Max(1, delivered.Count):N2} table transactions per send (claims and completions included, heartbeats too)");
            Console.WriteLine($"  reads              {rowsRead:N0} rows read for {Sends:N0} rows due ({(double)rowsRead / Sends:N2}x) in {reads:N0} reads; {rowsClaimed:N0} claims won");
            return achieved;
        }
        finally
        {
            foreach (var instance in instances) await instance.DisposeAsync();
        }
    }

    private static (long Reads, long RowsRead, long RowsClaimed) Totals(List<BotApp> instances)
    {
        var totals = instances.Select(i => i.Services.GetRequiredService<Scheduler>().Totals).ToList();
        return (totals.Sum(t => t.Reads), totals.Sum(t => t.RowsRead), totals.Sum(t => t.RowsClaimed));
    }

    private static async Task<bool> DrainedAsync(AzuriteServer azurite, TestChannel channel, int sends, Stopwatch clock, TimeSpan limit)
    {
        while (clock.Elapsed < limit)
        {
            if (channel.Delivered.Count >= sends && await DueSends.PendingAsync(azurite.ConnectionString) == 0) return true;
            await Task.Delay(250);
        }
        return false;
    }
}
