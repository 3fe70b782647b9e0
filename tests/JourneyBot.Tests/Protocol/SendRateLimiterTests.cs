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
        // Three seconds of one instance's share of a tenant, one send after another, on a clock that moves exactly
        // as far as the limiter asks to wait: the figures do not depend on how busy the machine is.
        var (clock, limiter) = FirstOfThreeInstances();
        var share = limiter.TenantShare;
        var sentAt = new List<DateTimeOffset>();
        await SendAnsweredAtOnceAsync(clock, limiter, share * 3, sentAt);

        // Never more than the share in any second, never a burst in any quarter of one…
        foreach (var at in sentAt)
        {
            Assert.True(sentAt.Count(t => t >= at && t < at.AddSeconds(1)) <= share, $"more than {share} sends in the second from {at:ss.fff}");
            Assert.True(sentAt.Count(t => t >= at && t < at.AddMilliseconds(250)) <= share / 4 + 1, $"a burst in the quarter second from {at:ss.fff}");
        }
        // …and the whole share is used: three seconds' worth goes out within three seconds.
        Assert.True(sentAt[^1] - sentAt[0] < TimeSpan.FromSeconds(3), $"{sentAt.Count} sends took {(sentAt[^1] - sentAt[0]).TotalSeconds:N3} s");
    }

    [Fact]
    public async Task SendsHeldUpOnTheirWayCountFromWhenTheyMayHaveReachedTeams()
    {
        // Teams counts a send when it arrives. Sends held up between their turn and Teams (a pause in this process,
        // a slow network) arrive together; counted from their turns, the sends after them would crowd into the same
        // second as they arrive.
        var (clock, limiter) = FirstOfThreeInstances();
        var share = limiter.TenantShare;
        var arrivals = new List<DateTimeOffset>();

        // A second of sends that arrive at once…
        await SendAnsweredAtOnceAsync(clock, limiter, share, arrivals);
        // …half a second's worth held up on their way, arriving together 300 ms after the last of them left…
        var heldUp = new List<SendRateLimiter.SendTurn>();
        for (var i = 0; i < share / 2; i++) heldUp.Add(await limiter.WaitAsync("tenant-a", $"held-{i}", CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10)));
        clock.Advance(TimeSpan.FromMilliseconds(300));
        foreach (var turn in heldUp)
        {
            arrivals.Add(clock.GetUtcNow());
            turn.Answered();
        }
        // …and two more seconds of sends.
        await SendAnsweredAtOnceAsync(clock, limiter, share * 2, arrivals);

        // As Teams counts them: never more than the share in any second that ends with an arrival.
        foreach (var at in arrivals)
        {
            var inSecond = arrivals.Count(t => t > at.AddSeconds(-1) && t <= at);
            Assert.True(inSecond <= share, $"{inSecond} sends reached Teams in the second up to {at:ss.fff}; the share is {share}");
        }
    }

    private static (WaitJumpsClock Clock, SendRateLimiter Limiter) FirstOfThreeInstances()
    {
        var clock = new WaitJumpsClock(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        var limiter = new SendRateLimiter(new SendRateLimits(), clock);
        limiter.ShareWith(3, 0);
        return (clock, limiter);
    }

    // One tenant's sends, each to a chat of its own, answered the moment they go: when each went is added to `sentAt`.
    private static async Task SendAnsweredAtOnceAsync(WaitJumpsClock clock, SendRateLimiter limiter, int sends, List<DateTimeOffset> sentAt)
    {
        for (var i = 0; i < sends; i++)
        {
            var turn = await limiter.WaitAsync("tenant-a", $"chat-{sentAt.Count}", CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
            sentAt.Add(clock.GetUtcNow());
            turn.Answered();
        }
    }

    // Time stands still until someone waits; a wait moves it forward by exactly that much and then ends.
    private sealed class WaitJumpsClock(DateTimeOffset start) : TimeProvider
    {
        private readonly Lock _lock = new();
        private DateTimeOffset _now = start;

        public override DateTimeOffset GetUtcNow()
        {
            lock (_lock) return _now;
        }

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = new JumpTimer(this, callback, state);
            timer.Change(dueTime, period);
            return timer;
        }

        // Time passing while nobody waits (work held up, say).
        public void Advance(TimeSpan by) => Jump(by);

        private void Jump(TimeSpan by)
        {
            lock (_lock) _now += by;
        }

        // Set (when created or changed later): time jumps by the wait, and the callback runs a moment later on a
        // real timer, once whoever waits holds it.
        private sealed class JumpTimer(WaitJumpsClock clock, TimerCallback callback, object? state) : ITimer
        {
            private Timer? _fire;

            public bool Change(TimeSpan dueTime, TimeSpan period)
            {
                _fire?.Dispose();
                _fire = null;
                if (dueTime == Timeout.InfiniteTimeSpan) return true;
                if (dueTime > TimeSpan.Zero) clock.Jump(dueTime);
                _fire = new Timer(callback, state, TimeSpan.FromMilliseconds(1), Timeout.InfiniteTimeSpan);
                return true;
            }

            public void Dispose() => _fire?.Dispose();

            public ValueTask DisposeAsync()
            {
                Dispose();
                return ValueTask.CompletedTask;
            }
        }
    }
}
