using System.Diagnostics;
using Azure.Core;
using Azure.Data.Tables;
using JourneyBot.Storage;
using JourneyBot.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace JourneyBot.Benchmarks;

// A week of a steady stream of activities, on a fake clock, against Azurite: each activity claims its idempotency row
// through IdempotencyStore.RunOnceAsync, and the sweeper runs once every simulated tick. Prints the table's rows at
// the end of each simulated day: they should level off at about one day's worth instead of growing by a day's
// worth every day. The tick is sparser than the app's (a sweep every 3 simulated minutes, where the app sweeps
// every 15 s), so a partition waits longer for its turn than it would in the app: the slow case.
public static class IdempotencyBenchmark
{
    private const int Days = 7;
    private const int ActivitiesPerHour = 30;
    private const int Concurrency = 8;
    private static readonly TimeSpan Tick = TimeSpan.FromMinutes(3);
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);

    public static async Task RunAsync()
    {
        Console.WriteLine();
        Console.WriteLine("Starting Azurite for a simulated week of idempotency rows...");
        await using var azurite = await AzuriteServer.StartAsync();
        var tables = new StorageTables(new TableServiceClient(azurite.ConnectionString));
        await tables.Idempotency.CreateIfNotExistsAsync();
        // The sweeper's own client, so its requests are counted apart from the activities'.
        var sweepRequests = new StorageMetrics();
        var options = new TableClientOptions();
        options.AddPolicy(sweepRequests, HttpPipelinePosition.PerRetry);
        var clock = new FakeTimeProvider(Start);
        var sweeper = new IdempotencySweeper(new StorageTables(new TableServiceClient(azurite.ConnectionString, options)), clock, NullLogger<IdempotencySweeper>.Instance);
        var ticksPerHour = (int)(TimeSpan.FromHours(1) / Tick);
        var dayWorth = ActivitiesPerHour * 24;

        Console.WriteLine();
        Console.WriteLine($"idempotency: {Days} simulated days, {ActivitiesPerHour} activities per simulated hour ({dayWorth:N0} a day), " +
                          $"a sweep every {Tick.TotalMinutes:0} simulated minutes ({IdempotencySweeper.PartitionsPerSweep} of {IdempotencyStore.Partitions} partitions, " +
                          $"at most {IdempotencySweeper.BatchSize} rows each); window {IdempotencyStore.RedeliveryWindow.TotalHours:0} h");
        Console.WriteLine($"  {"day",3}  {"rows at day end",15}  {"x a day's worth",15}  {"deleted",7}  {"sweep requests",14}  {"max per sweep",13}  {"wall time",9}");
        var total = Stopwatch.StartNew();
        var peak = 0;
        for (var day = 1; day <= Days; day++)
        {
            var wall = Stopwatch.StartNew();
            var (deleted, sweepTotal, maxPerSweep) = (0, 0L, 0L);
            for (var hour = 0; hour < 24; hour++)
            {
                // The hour's activities, each stamped with its own minute (a store per activity, so they run at once),
                // beside the hour's sweeps: those delete only rows a day old, so neither waits for the other.
                var hourStart = clock.GetUtcNow();
                var activities = Parallel.ForEachAsync(Enumerable.Range(0, ActivitiesPerHour), new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (i, cancellationToken) =>
                {
                    var at = new FakeTimeProvider(hourStart + TimeSpan.FromHours(1) * i / ActivitiesPerHour);
                    await new IdempotencyStore(tables, at).RunOnceAsync($"a:{day}-{hour}", $"act-{i}", () => Task.CompletedTask, cancellationToken);
                });
                for (var tick = 0; tick < ticksPerHour; tick++)
                {
                    clock.Advance(Tick);
                    var before = sweepRequests.Count;
                    deleted += await sweeper.SweepAsync(1, 0, CancellationToken.None);
                    var spent = sweepRequests.Count - before;
                    sweepTotal += spent;
                    maxPerSweep = Math.Max(maxPerSweep, spent);
                }
                await activities;
            }
            var rows = await CountAsync(tables.Idempotency);
            peak = Math.Max(peak, rows);
            Console.WriteLine($"  {day,3}  {rows,15:N0}  {(double)rows / dayWorth,15:N2}  {deleted,7:N0}  {sweepTotal,14:N0}  {maxPerSweep,13}  {wall.Elapsed.TotalSeconds,7:N1} s");
        }
        Console.WriteLine($"  most at a day's end {peak:N0} rows ({(double)peak / dayWorth:N2}x a day's worth; {Days * dayWorth:N0} without the sweep); {total.Elapsed.TotalSeconds:N1} s in all");
    }

    private static async Task<int> CountAsync(TableClient table)
    {
        var count = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>(select: ["RowKey"])) count++;
        return count;
    }
}
