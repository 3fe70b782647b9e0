using Azure.Data.Tables;
using JourneyBot.Scheduling;
using JourneyBot.Storage;
using JourneyBot.Tests.Infrastructure;

namespace JourneyBot.Tests.Scheduling;

// Reading the due-time index on a real Azurite: only what is due and unclaimed, as much as asked for, and
// everything when less is due than asked, however the read starts.
public class ScheduleReadTests : IAsyncLifetime
{
    private AzuriteServer _azurite = null!;
    private ScheduleStore _store = null!;
    private readonly DateTimeOffset _now = DateTimeOffset.UtcNow;

    public async Task InitializeAsync()
    {
        _azurite = await AzuriteServer.StartAsync();
        var tables = new StorageTables(new TableServiceClient(_azurite.ConnectionString));
        foreach (var name in StorageTables.All) await tables.Service.CreateTableIfNotExistsAsync(name);
        _store = new ScheduleStore(tables);
    }

    public async Task DisposeAsync() => await _azurite.DisposeAsync();

    private async Task<List<string>> AddAsync(int count, string prefix, DateTimeOffset dueAt)
    {
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var id = $"{prefix}|tenant-{i % 7}|person-{i:D4}";
            Assert.True(await _store.AddAsync(new ScheduledItem(id, "digest", dueAt, $"tenant-{i % 7}", $"person-{i:D4}", "{}"), CancellationToken.None));
            ids.Add(id);
        }
        return ids;
    }

    [Fact]
    public async Task AReadReturnsOnlyDueUnclaimedRowsAndAsManyAsAskedFor()
    {
        var due = await AddAsync(300, "due", _now.AddMinutes(-2));
        await AddAsync(20, "later", _now.AddMinutes(10));
        var taken = await _store.ClaimAsync(await _store.ReadDueAsync(_now, 50, 0, dense: false, CancellationToken.None), "other-instance", _now.AddMinutes(1), CancellationToken.None);
        Assert.Equal(50, taken.Count);
        var open = due.Except(taken.Select(ScheduleStore.IdOf)).ToHashSet();

        foreach (var dense in new[] { true, false })
        {
            var some = await _store.ReadDueAsync(_now, 40, Random.Shared.Next(ScheduleStore.Spreads), dense, CancellationToken.None);
            Assert.Equal(40, some.Count);
            Assert.Equal(40, some.Select(ScheduleStore.IdOf).Distinct().Count());
            Assert.All(some, row => Assert.Contains(ScheduleStore.IdOf(row), open));
        }
    }

    [Theory]
    [InlineData(true, 0)]
    [InlineData(true, 40_000)]
    [InlineData(true, 65_535)]
    [InlineData(false, 40_000)]
    public async Task WhenLessIsDueThanAskedForEveryDueRowIsFoundWhereverTheReadStarts(bool dense, int spread)
    {
        var due = await AddAsync(120, "due", _now.AddMinutes(-1));
        await AddAsync(10, "later", _now.AddMinutes(5));

        var read = await _store.ReadDueAsync(_now, 1000, spread, dense, CancellationToken.None);

        Assert.Equal(due.OrderBy(id => id, StringComparer.Ordinal), read.Select(ScheduleStore.IdOf).OrderBy(id => id, StringComparer.Ordinal));
    }
}
