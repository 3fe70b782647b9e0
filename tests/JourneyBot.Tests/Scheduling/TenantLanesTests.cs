using JourneyBot.Scheduling;

namespace JourneyBot.Tests.Scheduling;

// How much an instance asks for when it tops up the sends it holds per tenant.
public class TenantLanesTests
{
    [Fact]
    public async Task ATopUpReadIsLargeEnoughToBringTheNeediestTenantUpAndCountsWhatEachPersonHolds()
    {
        // Sends never finish during the test: what is added stays held.
        var never = new TaskCompletionSource<bool?>();
        using var stop = new CancellationTokenSource();
        var lanes = new TenantLanes(parallelism: 1, sendersPerTenant: () => 1, (_, _) => never.Task, (_, _) => { });
        // Ten tenants hold 6 sends each (one of them to person-1), except one that holds only 1.
        var rows = Enumerable.Range(0, 10).SelectMany(t => Enumerable.Range(0, t == 0 ? 1 : 6).Select(i => new ScheduleRow
        {
            TenantId = $"tenant-{t}",
            Audience = i == 0 ? "person-1" : $"person-{t}-{i}",
            RowKey = $"{t}-{i}",
        })).ToList();
        lanes.Add(rows, stop.Token);

        var (want, anyLow, held) = lanes.Shortfall(target: 6, low: 3, activeWithin: 1000);

        Assert.Equal(55, held);
        Assert.True(anyLow);
        // Summed shortfalls ask for 5, which a read spreads over all ten tenants: half a row for the needy one.
        // Half its shortfall for each of the ten brings it about halfway up.
        Assert.Equal(25, want);
        Assert.Equal(10, lanes.HeldFor("person-1"));
        Assert.Equal(0, lanes.HeldFor("person-2"));
        await stop.CancelAsync();
        never.SetResult(null);
        await lanes.WhenSentAsync().WaitAsync(TimeSpan.FromSeconds(10));
    }
}
