using JourneyBot.Protocol;

namespace JourneyBot.Tests.Protocol;

// How instances split Teams' limits between them and pace a tenant's sends.
public class SendRateLimiterTests
{
    [Theory]
    [InlineData(1, 50)]
    [InlineData(2, 49)]
    [InlineData(3, 48)]
    [InlineData(4, 47)]
    [InlineData(7, 44)]
    public void InstancesSharesOfATenantsLimitAddUpToItLessOneSendForEachInstanceBeyondTheFirst(int instances, int together)
    {
        var shares = Enumerable.Range(0, instances).Select(rank =>
        {
            var limiter = new SendRateLimiter(new SendRateLimits(), TimeProvider.System);
            limiter.ShareWith(instances, rank);
            return limiter.TenantShare;
        }).ToList();

        Assert.Equal(together, shares.Sum());
        Assert.True(shares.Max() - shares.Min() <= 1, $"uneven shares: {string.Join(", ", shares)}");
    }

    [Fact]
    public async Task ATenantsSendsAreSpreadEvenlyOverEachSecondAndUseTheWholeShare()
    {
        // Real time: three seconds of one instance's share of a tenant, one send after another. Each send's time is
        // the one the limiter read when it gave the turn, not when this test got round to noting it.
        var clock = new LastReadClock();
        var limiter = new SendRateLimiter(new SendRateLimits(), clock);
        limiter.ShareWith(3, 0);
        var share = limiter.TenantShare;
        var sentAt = new List<DateTimeOffset>();
        for (var i = 0; i < share * 3; i++)
        {
            await limiter.WaitAsync("tenant-a", $"chat-{i}", CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
            sentAt.Add(clock.Last);
        }

        // Never more than the share in any second, never a burst in any quarter of one (a late send may catch up)…
        foreach (var at in sentAt)
        {
            Assert.True(sentAt.Count(t => t >= at && t < at.AddSeconds(1)) <= share, $"more than {share} sends in the second from {at:ss.fff}");
            Assert.True(sentAt.Count(t => t >= at && t < at.AddMilliseconds(250)) <= share / 4 + 2, $"a burst in the quarter second from {at:ss.fff}: " + string.Join(" ", sentAt.Select(t => (t - sentAt[0]).TotalMilliseconds.ToString("F0"))));
        }
        // …and the share is used: three seconds' worth takes about three seconds (not six, as at half the share),
        // with room for a timer that fires late on a busy machine.
        Assert.True(sentAt[^1] - sentAt[0] < TimeSpan.FromSeconds(4), $"{sentAt.Count} sends took {(sentAt[^1] - sentAt[0]).TotalSeconds:N2} s");
    }

    private sealed class LastReadClock : TimeProvider
    {
        public DateTimeOffset Last { get; private set; }

        public override DateTimeOffset GetUtcNow() => Last = base.GetUtcNow();
    }
}
