using Azure.Data.Tables;
using JourneyBot.Storage;
using JourneyBot.Tests.Infrastructure;

namespace JourneyBot.Tests.Storage;

public sealed class IdempotencyStoreTests : IAsyncLifetime
{
    private AzuriteServer _azurite = null!;
    private StorageTables _tables = null!;

    private sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = DateTimeOffset.UtcNow;
        public override DateTimeOffset GetUtcNow() => Now;
    }

    public async Task InitializeAsync()
    {
        _azurite = await AzuriteServer.StartAsync();
        _tables = new StorageTables(new TableServiceClient(_azurite.ConnectionString));
        await _tables.Idempotency.CreateIfNotExistsAsync();
    }

    public async Task DisposeAsync() => await _azurite.DisposeAsync();

    [Fact]
    public async Task ConcurrentDeliveriesOfOneActivityRunItsWorkOnce()
    {
        var store = new IdempotencyStore(_tables, TimeProvider.System);
        var runs = 0;

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            store.RunOnceAsync("19:conv/with#odd?chars", "act-1", async () => { Interlocked.Increment(ref runs); await Task.Delay(50); }, CancellationToken.None)));

        Assert.Equal(1, runs);
        Assert.Single(results, ran => ran);
    }

    [Fact]
    public async Task FailedWorkReleasesTheClaimSoARedeliveryRetries()
    {
        var store = new IdempotencyStore(_tables, TimeProvider.System);

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            store.RunOnceAsync("a:conv", "act-2", () => throw new InvalidOperationException("connector down"), CancellationToken.None));
        var ranAgain = await store.RunOnceAsync("a:conv", "act-2", () => Task.CompletedTask, CancellationToken.None);

        Assert.True(ranAgain);
    }

    [Fact]
    public async Task AClaimAbandonedByACrashedInstanceIsTakenOverAfterTheLease()
    {
        var clock = new ManualClock();
        var crashed = new IdempotencyStore(_tables, clock);
        var never = new TaskCompletionSource();
        // The first instance claims and never finishes (it crashed mid-turn).
        _ = crashed.RunOnceAsync("a:conv", "act-3", () => never.Task, CancellationToken.None);
        await Task.Delay(300);
        var survivor = new IdempotencyStore(_tables, clock);

        Assert.False(await survivor.RunOnceAsync("a:conv", "act-3", () => Task.CompletedTask, CancellationToken.None));
        clock.Now += IdempotencyStore.ClaimLease + TimeSpan.FromSeconds(1);
        Assert.True(await survivor.RunOnceAsync("a:conv", "act-3", () => Task.CompletedTask, CancellationToken.None));
    }
}
