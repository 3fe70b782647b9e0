using Azure.Data.Tables;
using JourneyBot.Storage;
using JourneyBot.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace JourneyBot.Tests.Storage;

// Old idempotency rows are swept on Azurite, with the clock faked so a day passes at once.
public sealed class IdempotencySweeperTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private AzuriteServer _azurite = null!;
    private StorageTables _tables = null!;

    public async Task InitializeAsync()
    {
        _azurite = await AzuriteServer.StartAsync();
        _tables = new StorageTables(new TableServiceClient(_azurite.ConnectionString));
        await _tables.Idempotency.CreateIfNotExistsAsync();
    }

    public async Task DisposeAsync() => await _azurite.DisposeAsync();

    private IdempotencySweeper NewSweeper() => new(_tables, _clock, NullLogger<IdempotencySweeper>.Instance);

    // As many sweeps as it takes one instance of `instances` to visit each of its partitions once.
    private static async Task<int> SweepRoundAsync(IdempotencySweeper sweeper, int instances = 1, int rank = 0)
    {
        var mine = (IdempotencyStore.Partitions - rank + instances - 1) / instances;
        var deleted = 0;
        for (var sweep = 0; sweep < (mine + IdempotencySweeper.PartitionsPerSweep - 1) / IdempotencySweeper.PartitionsPerSweep; sweep++)
        {
            deleted += await sweeper.SweepAsync(instances, rank, CancellationToken.None);
        }
        return deleted;
    }

    private async Task RunActivitiesAsync(string conversation, int count)
    {
        var store = new IdempotencyStore(_tables, _clock);
        await Task.WhenAll(Enumerable.Range(0, count).Select(i =>
            store.RunOnceAsync(conversation, $"act-{i}", () => Task.CompletedTask, CancellationToken.None)));
    }

    private async Task<List<TableEntity>> RowsAsync()
    {
        var rows = new List<TableEntity>();
        await foreach (var row in _tables.Idempotency.QueryAsync<TableEntity>()) rows.Add(row);
        return rows;
    }

    [Fact]
    public async Task RowsOlderThanTheRedeliveryWindowAreSweptAndNewerOnesStay()
    {
        await RunActivitiesAsync("a:old", 200);
        _clock.Advance(TimeSpan.FromHours(12));
        await RunActivitiesAsync("a:new", 200);
        _clock.Advance(TimeSpan.FromHours(12) + TimeSpan.FromMinutes(1));

        var deleted = await SweepRoundAsync(NewSweeper());

        Assert.Equal(200, deleted);
        var left = await RowsAsync();
        Assert.Equal(200, left.Count);
        Assert.All(left, row => Assert.StartsWith("a:new|", TableKey.Decode(row.RowKey)));
    }

    [Fact]
    public async Task ARedeliveryWithinTheWindowIsStillDeduplicatedAfterASweep()
    {
        var store = new IdempotencyStore(_tables, _clock);
        var runs = 0;
        Task Work()
        {
            runs++;
            return Task.CompletedTask;
        }
        Assert.True(await store.RunOnceAsync("a:conv", "act-1", Work, CancellationToken.None));
        _clock.Advance(TimeSpan.FromHours(23));
        var sweeper = NewSweeper();

        Assert.Equal(0, await SweepRoundAsync(sweeper));
        Assert.False(await store.RunOnceAsync("a:conv", "act-1", Work, CancellationToken.None));
        Assert.Equal(1, runs);

        // Past the window the row goes: the channel no longer redelivers it.
        _clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(1, await SweepRoundAsync(sweeper));
        Assert.Empty(await RowsAsync());
    }

    [Fact]
    public async Task AVisitDeletesOneTransactionOfAPartitionAndLaterRoundsTheRest()
    {
        var partition = IdempotencyStore.PartitionOf(0);
        foreach (var chunk in Enumerable.Range(0, 250).Chunk(IdempotencySweeper.BatchSize))
        {
            await _tables.Idempotency.SubmitTransactionAsync(chunk.Select(i => new TableTransactionAction(TableTransactionActionType.Add,
                new IdempotencyStore.IdempotencyRow { PartitionKey = partition, RowKey = $"a:conv|act-{i}", State = "done", ClaimedAt = _clock.GetUtcNow() })));
        }
        _clock.Advance(TimeSpan.FromDays(2));
        var sweeper = NewSweeper();

        // The first sweep visits partitions 00 and 01.
        Assert.Equal(IdempotencySweeper.BatchSize, await sweeper.SweepAsync(1, 0, CancellationToken.None));
        Assert.Equal(150, (await RowsAsync()).Count);

        Assert.Equal(150, await SweepRoundAsync(sweeper) + await SweepRoundAsync(sweeper));
        Assert.Empty(await RowsAsync());
        Assert.Equal(250, sweeper.Deleted);
    }

    [Fact]
    public async Task InstancesSplitThePartitionsAndTwoSweepingTheSameOnesDeleteEachRowOnce()
    {
        await RunActivitiesAsync("a:conv", 300);
        var evenPartitions = (await RowsAsync()).Count(row => Convert.ToInt32(row.PartitionKey, 16) % 2 == 0);
        _clock.Advance(TimeSpan.FromDays(2));

        // Two instances, each sweeping its half.
        var (first, second) = (NewSweeper(), NewSweeper());
        Assert.Equal(evenPartitions, await SweepRoundAsync(first, instances: 2, rank: 0));
        Assert.Equal(300 - evenPartitions, await SweepRoundAsync(second, instances: 2, rank: 1));
        Assert.Empty(await RowsAsync());

        // Two that both believe they run alone sweep the same partitions at once: no failure, each row deleted once.
        await RunActivitiesAsync("b:conv", 200);
        _clock.Advance(TimeSpan.FromDays(2));
        var (third, fourth) = (NewSweeper(), NewSweeper());
        var deleted = await Task.WhenAll(SweepRoundAsync(third), SweepRoundAsync(fourth));
        Assert.Equal(200, deleted.Sum());
        Assert.Empty(await RowsAsync());
    }
}
