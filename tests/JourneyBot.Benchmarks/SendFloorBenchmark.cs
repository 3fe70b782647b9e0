using System.Diagnostics;
using System.Net.Http.Json;
using Azure;
using Azure.Data.Tables;
using JourneyBot.Scheduling;
using JourneyBot.Storage;
using JourneyBot.Tests.Infrastructure;
using JourneyBot.Tests.Scheduling;

namespace JourneyBot.Benchmarks;

// Growth: 30,000 sends to 6,000 people in 30 tenants, each tenant its own 50/s (1,500/s in all). On two cores that
// is bound by CPU, not by Teams, so the figure that means something is ours against the floor any correct design
// hits here: the same Azurite and fake connector, each row claimed once (a conditional write), posted once and
// deleted once, one sender per tenant paced to 50/s, and nothing else — no lanes, leases renewed, re-checks, cards
// or retries. Ours is printed as a share of that floor.
public static class SendFloorBenchmark
{
    public static async Task RunAsync(BenchmarkOptions options)
    {
        var floor = await FloorAsync(SchedulerBenchmark.Growth, options.TimeLimit);
        var ours = await SchedulerBenchmark.RunAsync(options, SchedulerBenchmark.Growth);
        Console.WriteLine();
        Console.WriteLine($"growth: ours {ours:N0}/s against a floor of {floor:N0}/s on this machine "
            + (ours is { } o && floor is { } f
                ? $"({o / f:P0} of the floor; {o / 1500:P0} of the 1,500/s allowed)"
                : "(no figure)"));
    }

    private static async Task<double?> FloorAsync(SchedulerBenchmark.Shape shape, TimeSpan timeLimit)
    {
        Console.WriteLine();
        Console.WriteLine($"Floor: {shape.Sends:N0} sends, one claim, one post and one delete each, "
            + $"{shape.Tenants} senders paced to 50/s...");
        await using var azurite = await AzuriteServer.StartAsync();
        await using var channel = await TestChannel.StartAsync();
        channel.Limits = new TeamsLimits();
        await DueSends.SeedAsync(azurite.ConnectionString, channel, Guid.NewGuid().ToString(), shape.Sends,
            shape.Conversations, shape.Tenants, DateTimeOffset.UtcNow.AddSeconds(-1), "floor");
        var table = new TableServiceClient(azurite.ConnectionString).GetTableClient(StorageTables.ScheduleName);
        var rows = new List<ScheduleRow>();
        await foreach (var row in table.QueryAsync<ScheduleRow>(
            e => e.PartitionKey.CompareTo("due|") >= 0 && e.PartitionKey.CompareTo("due}") < 0)) rows.Add(row);
        using var http = new HttpClient { BaseAddress = new Uri(channel.ServiceUrl) };
        var limit = Stopwatch.StartNew();
        await Task.WhenAll(rows.GroupBy(r => r.TenantId).Select(tenant => Task.Run(async () =>
        {
            var paced = Stopwatch.StartNew();
            var sent = 0;
            foreach (var row in tenant)
            {
                if (limit.Elapsed > timeLimit) return;
                // 50/s: the n-th send of a tenant no earlier than n × 20 ms after its first.
                var wait = TimeSpan.FromMilliseconds(sent * 20) - paced.Elapsed;
                if (wait > TimeSpan.Zero) await Task.Delay(wait);
                var claim = await table.UpdateEntityAsync(new TableEntity(row.PartitionKey, row.RowKey)
                {
                    [nameof(ScheduleRow.LeaseUntil)] = DateTimeOffset.UtcNow.AddMinutes(1),
                    [nameof(ScheduleRow.ClaimedBy)] = "floor",
                }, row.ETag, TableUpdateMode.Merge);
                var chat = row.Audience.Replace("person-", "a:chat-", StringComparison.Ordinal);
                using var posted = await http.PostAsJsonAsync(
                    $"v3/conversations/{Uri.EscapeDataString(chat)}/activities",
                    new
                    {
                        type = "message", text = row.Payload,
                        conversation = new { id = chat, tenantId = row.TenantId }
                    });
                await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, claim.Headers.ETag ?? ETag.All);
                sent++;
            }
        }))).ConfigureAwait(false);
        var delivered = channel.Delivered.ToList();
        if (delivered.Count < 2) return null;
        var sending = delivered.Max(d => d.At) - delivered.Min(d => d.At);
        var rate = delivered.Count / sending.TotalSeconds;
        Console.WriteLine($"  floor              {rate:N0}/s ({delivered.Count:N0} delivered in "
            + $"{sending.TotalSeconds:N1} s; Teams answered 429 {channel.Throttled} times)");
        return rate;
    }
}
