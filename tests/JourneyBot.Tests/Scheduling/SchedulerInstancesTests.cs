using JourneyBot.Scheduling;
using JourneyBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyBot.Tests.Scheduling;

// Several app instances on one storage account, each running its scheduler: every due send goes out exactly
// once, also when an instance dies mid-run or the connector throttles and fails.
[Collection(TimingSensitive.Name)]
public class SchedulerInstancesTests
{
    private const int Sends = 1_000;

    private static BotApp Instance(AzuriteServer azurite, TestChannel channel, string appId, int leaseSeconds = 4) =>
        BotApp.Authenticated(azurite.ConnectionString, channel, appId, null, new Dictionary<string, string?>
        {
            ["Scheduler:Enabled"] = "true",
            ["Scheduler:TickSeconds"] = "0.2",
            ["Scheduler:LeaseSeconds"] = leaseSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }).Start();

    private static async Task WaitForAsync(Func<Task<bool>> done, TimeSpan limit)
    {
        var until = DateTime.UtcNow + limit;
        while (!await done())
        {
            if (DateTime.UtcNow > until) return;
            await Task.Delay(200);
        }
    }

    private static void AssertEachDeliveredOnce(TestChannel channel, DueSends.Seeded seeded)
    {
        var perConversation = channel.Delivered.GroupBy(d => d.ConversationId).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(seeded.Sends == channel.Delivered.Count,
            $"{channel.Delivered.Count} delivered for {seeded.Sends} sends; twice: {string.Join(", ", perConversation.Where(c => c.Value > 1).Select(c => c.Key))}");
        Assert.Equal(seeded.Conversations.Count, perConversation.Count);
        Assert.All(perConversation, c => Assert.Equal(1, c.Value));
        // Each went to the tenant its chat belongs to.
        Assert.All(channel.Delivered, d => Assert.False(string.IsNullOrEmpty(d.TenantId)));
    }

    [Fact]
    public async Task ThreeInstancesSendEveryDueMessageExactlyOnce()
    {
        await using var azurite = await AzuriteServer.StartAsync();
        await using var channel = await TestChannel.StartAsync();
        channel.Limits = new TeamsLimits();
        var appId = Guid.NewGuid().ToString();
        var seeded = await DueSends.SeedAsync(azurite.ConnectionString, channel, appId, Sends, Sends, tenants: 10, DateTimeOffset.UtcNow.AddSeconds(-1));

        var instances = Enumerable.Range(0, 3).Select(_ => Instance(azurite, channel, appId)).ToList();
        try
        {
            await WaitForAsync(async () => channel.Delivered.Count >= Sends && await DueSends.PendingAsync(azurite.ConnectionString) == 0, TimeSpan.FromSeconds(120));
            await Task.Delay(1000);
            AssertEachDeliveredOnce(channel, seeded);
            Assert.Equal(0, await DueSends.PendingAsync(azurite.ConnectionString));
        }
        finally
        {
            foreach (var instance in instances) await instance.DisposeAsync();
        }
    }

    [Fact]
    public async Task InstancesShareATenantsRateLimitSoTeamsRarelyHasToThrottle()
    {
        await using var azurite = await AzuriteServer.StartAsync();
        await using var channel = await TestChannel.StartAsync();
        channel.Limits = new TeamsLimits();
        var appId = Guid.NewGuid().ToString();
        // One tenant: 50 sends a second between all instances. Three instances each using the whole limit would
        // draw a 429 on most of their sends.
        var seeded = await DueSends.SeedAsync(azurite.ConnectionString, channel, appId, 300, 300, tenants: 1, DateTimeOffset.UtcNow.AddSeconds(-1));
        var instances = Enumerable.Range(0, 3).Select(_ => Instance(azurite, channel, appId)).ToList();
        try
        {
            await WaitForAsync(async () => channel.Delivered.Count >= seeded.Sends && await DueSends.PendingAsync(azurite.ConnectionString) == 0, TimeSpan.FromSeconds(120));
            AssertEachDeliveredOnce(channel, seeded);
            Assert.True(channel.Throttled <= seeded.Sends / 20, $"Teams throttled {channel.Throttled} times for {seeded.Sends} sends");
        }
        finally
        {
            foreach (var instance in instances) await instance.DisposeAsync();
        }
    }

    [Fact]
    public async Task AnInstanceStoppedMidRunHandsItsClaimsBackAtOnceAndACrashedOnesAreTakenOverNothingSentTwice()
    {
        await using var azurite = await AzuriteServer.StartAsync();
        await using var channel = await TestChannel.StartAsync();
        channel.Limits = new TeamsLimits();
        var appId = Guid.NewGuid().ToString();
        // Two tenants: Teams' limits make this a run of seconds, so the victim is always holding claimed work.
        var seeded = await DueSends.SeedAsync(azurite.ConnectionString, channel, appId, Sends, Sends, tenants: 2, DateTimeOffset.UtcNow.AddSeconds(-1));
        // An instance that crashed before this run: its claims hold until their lease ends, then others take them.
        var tables = new JourneyBot.Storage.StorageTables(new Azure.Data.Tables.TableServiceClient(azurite.ConnectionString));
        var crashedStore = new ScheduleStore(tables);
        var crashed = await crashedStore.ClaimAsync((await crashedStore.ReadDueAsync(DateTimeOffset.UtcNow, 50, 0, false, CancellationToken.None)).Take(20),
            "crashed-instance", DateTimeOffset.UtcNow.AddSeconds(3), CancellationToken.None);
        Assert.NotEmpty(crashed);

        var instances = Enumerable.Range(0, 3).Select(_ => Instance(azurite, channel, appId, leaseSeconds: 12)).ToList();
        try
        {
            var victim = instances[0].Services.GetRequiredService<Scheduler>().InstanceId;
            await WaitForAsync(async () => channel.Delivered.Count >= Sends / 4 && await DueSends.ClaimedByAsync(azurite.ConnectionString, victim) >= 10, TimeSpan.FromSeconds(60));
            // A planned stop (SIGTERM): sends on their way finish, and everything else it claimed is handed back.
            await instances[0].DisposeAsync();
            var abandoned = await DueSends.ClaimedByAsync(azurite.ConnectionString, victim);

            await WaitForAsync(async () => await DueSends.PendingAsync(azurite.ConnectionString) == 0, TimeSpan.FromSeconds(120));
            await Task.Delay(1000);
            AssertEachDeliveredOnce(channel, seeded);
            Assert.Equal(0, abandoned);
            // The crashed instance's claims were taken over once their lease ran out.
            Assert.Equal(0, await DueSends.ClaimedByAsync(azurite.ConnectionString, "crashed-instance"));
        }
        finally
        {
            foreach (var instance in instances.Skip(1)) await instance.DisposeAsync();
        }
    }

    [Fact]
    public async Task AlongsideAnotherInstanceAnInstanceClaimsNoMoreOfOnePersonsSendsThanItsPartOfTheirLimitsAllows()
    {
        await using var azurite = await AzuriteServer.StartAsync();
        await using var channel = await TestChannel.StartAsync();
        channel.Limits = new TeamsLimits();
        var appId = Guid.NewGuid().ToString();
        // Five sends due to one person.
        var seeded = await DueSends.SeedAsync(azurite.ConnectionString, channel, appId, 5, 1, tenants: 1, DateTimeOffset.UtcNow.AddSeconds(-1));
        await using var bot = BotApp.Authenticated(azurite.ConnectionString, channel, appId, null, new Dictionary<string, string?>
        {
            ["Scheduler:Enabled"] = "false",
            ["Scheduler:LeaseSeconds"] = "30",
        }).Start();
        var scheduler = bot.Services.GetRequiredService<Scheduler>();
        var store = bot.Services.GetRequiredService<ScheduleStore>();
        // Another instance is alive (it sorts after this one): each gets part of the per-conversation limits, and
        // this one's part of "7 a second" is 3.
        Task OtherIsAliveAsync() => store.HeartbeatAsync("~other-instance", DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1), CancellationToken.None);

        await OtherIsAliveAsync();
        var first = await scheduler.TickAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(5, first.Read);
        Assert.Equal(3, first.Claimed);
        Assert.Equal(3, first.Done);
        // The other two were left for the other instance, and nothing else was taken meanwhile.
        Assert.Equal(2, await DueSends.PendingAsync(azurite.ConnectionString));
        Assert.Equal(0, await DueSends.ClaimedByAsync(azurite.ConnectionString, scheduler.InstanceId));

        // When the other instance does not take them, this one sends them once its part of the limits allows.
        var until = DateTime.UtcNow.AddSeconds(20);
        while (await DueSends.PendingAsync(azurite.ConnectionString) > 0 && DateTime.UtcNow < until)
        {
            await OtherIsAliveAsync();
            await scheduler.TickAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
            await Task.Delay(200);
        }
        Assert.Equal(0, await DueSends.PendingAsync(azurite.ConnectionString));
        Assert.Equal(5, channel.Delivered.Count);
        Assert.Equal(5, channel.Delivered.Select(d => d.Body!["attachments"]![0]!["content"]!.ToJsonString()).Distinct().Count());
        Assert.All(channel.Delivered, d => Assert.Equal(seeded.Conversations[0], d.ConversationId));
        Assert.Equal(0, channel.Throttled);
    }

    [Fact]
    public async Task ThrottlingAndServerErrorsLoseNothingAndDuplicateNothing()
    {
        await using var azurite = await AzuriteServer.StartAsync();
        await using var channel = await TestChannel.StartAsync();
        // Every 7th post is a 503, every 11th a 429 asking to wait a second.
        channel.Chaos = n => n % 11 == 0 ? (429, "1") : n % 7 == 0 ? (503, null) : null;
        var appId = Guid.NewGuid().ToString();
        var seeded = await DueSends.SeedAsync(azurite.ConnectionString, channel, appId, 300, 300, tenants: 6, DateTimeOffset.UtcNow.AddSeconds(-1));

        var instances = Enumerable.Range(0, 2).Select(_ => Instance(azurite, channel, appId)).ToList();
        try
        {
            await WaitForAsync(async () => await DueSends.PendingAsync(azurite.ConnectionString) == 0, TimeSpan.FromSeconds(120));
            await Task.Delay(500);
            AssertEachDeliveredOnce(channel, seeded);
            Assert.True(channel.Calls.Count > seeded.Sends, "the chaos should have forced retries");
        }
        finally
        {
            foreach (var instance in instances) await instance.DisposeAsync();
        }
    }

    [Fact]
    public async Task WhenStorageIsUnreachableForAWhileNothingIsLostOrSentTwice()
    {
        await using var azurite = await AzuriteServer.StartAsync();
        await using var channel = await TestChannel.StartAsync();
        await using var proxy = TcpProxy.To(azurite.TablePort);
        var appId = Guid.NewGuid().ToString();
        var seeded = await DueSends.SeedAsync(azurite.ConnectionString, channel, appId, 300, 300, tenants: 2, DateTimeOffset.UtcNow.AddSeconds(-1));
        var throughProxy = azurite.ConnectionString.Replace($":{azurite.TablePort}/", $":{proxy.Port}/");

        await using var instance = BotApp.Authenticated(throughProxy, channel, appId, null, new Dictionary<string, string?>
        {
            ["Scheduler:Enabled"] = "true",
            ["Scheduler:TickSeconds"] = "0.2",
            ["Scheduler:LeaseSeconds"] = "20",
        }).Start();
        await WaitForAsync(() => Task.FromResult(channel.Delivered.Count >= 40), TimeSpan.FromSeconds(60));
        proxy.Down = true;
        await Task.Delay(TimeSpan.FromSeconds(4));
        var duringOutage = channel.Delivered.Count;
        proxy.Down = false;

        await WaitForAsync(async () => await DueSends.PendingAsync(azurite.ConnectionString) == 0 && channel.Delivered.Count >= seeded.Sends, TimeSpan.FromSeconds(90));
        await Task.Delay(500);
        Assert.True(duringOutage < seeded.Sends, "the outage should have come before the end of the run");
        AssertEachDeliveredOnce(channel, seeded);
    }
}
