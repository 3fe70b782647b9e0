using Microsoft.Extensions.Configuration;

namespace JourneyBot.Protocol;

// Teams' published limits for proactive sends: per app and tenant, and per conversation, each counted over
// sliding windows. Every running instance takes a share (the scheduler tells it how many are alive and where it
// ranks among them), so together they stay inside the limits without talking to each other on every send.
public sealed class SendRateLimiter(SendRateLimits limits, TimeProvider clock)
{
    private readonly Dictionary<string, Queue<DateTimeOffset>> _tenants = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Queue<DateTimeOffset>> _conversations = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private volatile Share _share = new(1, 0);

    private sealed record Share(int Instances, int Rank);

    public int Instances => _share.Instances;

    // `rank` = how many of the live instances come before this one: a limit that does not divide evenly gives the
    // first ones one more each, so no part of it is left unused.
    public void ShareWith(int instances, int rank = 0) => _share = new Share(Math.Max(1, instances), Math.Clamp(rank, 0, Math.Max(0, instances - 1)));

    // This instance's share of a tenant's sends per second.
    public int TenantShare => SharedOut((int)limits.TenantPerSecond);

    // Several instances' sends reach Teams a few milliseconds earlier or later than each counted them, so together
    // they keep one send of every limit in hand for each instance beyond the first.
    private int SharedOut(int limit)
    {
        var share = _share;
        var shared = Math.Max(share.Instances, limit - (share.Instances - 1));
        return Math.Max(1, shared / share.Instances + (share.Rank < shared % share.Instances ? 1 : 0));
    }

    private readonly Dictionary<string, DateTimeOffset> _pausedUntil = new(StringComparer.Ordinal);
    // Per tenant, when the next evenly spaced send is due.
    private readonly Dictionary<string, DateTimeOffset> _nextSend = new(StringComparer.Ordinal);

    // Teams said 429 for this tenant: nobody here sends to it until the wait is over.
    public void Pause(string tenantId, TimeSpan wait)
    {
        var until = clock.GetUtcNow() + wait;
        lock (_lock)
        {
            if (!_pausedUntil.TryGetValue(tenantId, out var current) || current < until) _pausedUntil[tenantId] = until;
        }
    }

    // `thenBefore` runs after each turn is given and right before the attempt (the scheduler checks its claim there).
    public SendPacer Pacer(string tenantId, string audience, CancellationToken cancellationToken, Func<Task>? thenBefore = null) =>
        new(async () =>
        {
            await WaitAsync(tenantId, audience, cancellationToken);
            if (thenBefore is not null) await thenBefore();
        }, wait => Pause(tenantId, wait));

    public async Task WaitAsync(string tenantId, string audience, CancellationToken cancellationToken)
    {
        while (true)
        {
            var wait = TryTake(tenantId, audience);
            if (wait <= TimeSpan.Zero) return;
            // Timers count whole milliseconds and drop the rest: a wait of less than one would end at once and
            // this loop would spin until the clock caught up.
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(wait.TotalMilliseconds)), clock, cancellationToken);
        }
    }

    private TimeSpan TryTake(string tenantId, string audience)
    {
        var now = clock.GetUtcNow();
        lock (_lock)
        {
            var share = TenantShare;
            var tenant = Log(_tenants, tenantId, now, TimeSpan.FromSeconds(1));
            var wait = WaitFor(tenant, now, TimeSpan.FromSeconds(1), share);
            // Evenly spaced over the second (a late send may catch up by one): the instances' sends reach Teams a
            // little earlier or later than counted here, and bursts would then land in the same second.
            var interval = TimeSpan.FromTicks(TimeSpan.TicksPerSecond / share);
            var next = _nextSend.GetValueOrDefault(tenantId, now);
            if (next - interval - now > wait) wait = next - interval - now;
            if (_pausedUntil.TryGetValue(tenantId, out var paused) && paused > now && paused - now > wait) wait = paused - now;
            var conversation = Log(_conversations, audience, now, limits.PerConversation.Max(l => l.Window));
            foreach (var (window, sends) in limits.PerConversation)
            {
                var longest = WaitFor(conversation, now, window, SharedOut(sends));
                if (longest > wait) wait = longest;
            }
            if (wait > TimeSpan.Zero) return wait;
            _nextSend[tenantId] = (next > now ? next : now) + interval;
            if (_nextSend.Count > 10_000)
            {
                foreach (var (key, at) in _nextSend.ToList()) if (at < now) _nextSend.Remove(key);
            }
            tenant.Enqueue(now);
            conversation.Enqueue(now);
            return TimeSpan.Zero;
        }
    }

    private static Queue<DateTimeOffset> Log(Dictionary<string, Queue<DateTimeOffset>> logs, string key, DateTimeOffset now, TimeSpan keep)
    {
        if (!logs.TryGetValue(key, out var log)) logs[key] = log = new Queue<DateTimeOffset>();
        while (log.Count > 0 && log.Peek() <= now - keep) log.Dequeue();
        if (logs.Count > 10_000) Prune(logs, now - keep);
        return log;
    }

    private static void Prune(Dictionary<string, Queue<DateTimeOffset>> logs, DateTimeOffset before)
    {
        foreach (var (key, log) in logs.ToList())
        {
            if (log.Count == 0 || log.Last() <= before) logs.Remove(key);
        }
    }

    // How long until fewer than `allowed` sends fall inside the last `window`.
    private static TimeSpan WaitFor(Queue<DateTimeOffset> log, DateTimeOffset now, TimeSpan window, int allowed)
    {
        var inWindow = log.Where(t => t > now - window).ToList();
        if (inWindow.Count < allowed) return TimeSpan.Zero;
        return inWindow[inWindow.Count - allowed] + window - now + TimeSpan.FromMilliseconds(1);
    }
}

public sealed record SendRateLimits
{
    // Teams: 50 requests per second per app per tenant; per conversation 7 per second, 8 per 2 seconds,
    // 60 per 30 seconds and 1,800 per hour.
    public double TenantPerSecond { get; init; } = 50;
    public IReadOnlyList<(TimeSpan Window, int Sends)> PerConversation { get; init; } =
        [(TimeSpan.FromSeconds(1), 7), (TimeSpan.FromSeconds(2), 8), (TimeSpan.FromSeconds(30), 60), (TimeSpan.FromHours(1), 1800)];

    public static SendRateLimits Load(IConfiguration configuration)
    {
        var perSecond = configuration.GetValue("Bot:TenantSendsPerSecond", 50.0);
        if (perSecond is <= 0 or > 1000) throw new ConfigurationException("Bot:TenantSendsPerSecond must be between 0 and 1000.");
        return new SendRateLimits { TenantPerSecond = perSecond };
    }
}
