using Microsoft.Extensions.Configuration;
using JourneyBot.Configuration;

namespace JourneyBot.Protocol;

// Teams' published limits for proactive sends: per app and tenant, and per conversation, each counted over
// sliding windows. Every running instance takes a share (the scheduler tells it how many are alive and where it
// ranks among them), so together they stay inside the limits without talking to each other on every send.
public sealed class SendRateLimiter(SendRateLimits limits, TimeProvider clock)
{
    private readonly Dictionary<string, Queue<SendTurn>> _tenants = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Queue<SendTurn>> _conversations = new(StringComparer.Ordinal);
    private readonly RoundTrips _roundTrips = new();
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

    // After each turn is given and right before the attempt, a scheduled send's claim is checked (SendClaim).
    public SendPacer Pacer(string tenantId, string audience, CancellationToken cancellationToken) =>
        new(async () =>
        {
            var turn = await WaitAsync(tenantId, audience, cancellationToken);
            try
            {
                await SendClaim.EnsureHeldAsync();
            }
            catch
            {
                turn.Answered();
                throw;
            }
            return turn.Answered;
        }, wait => Pause(tenantId, wait));

    // The caller makes one request with the turn and says when Teams answered it (or that it was never made).
    public async Task<SendTurn> WaitAsync(string tenantId, string audience, CancellationToken cancellationToken)
    {
        while (true)
        {
            var (wait, turn) = TryTake(tenantId, audience);
            if (turn is not null) return turn;
            // Timers count whole milliseconds and drop the rest: a wait of less than one would end at once and
            // this loop would spin until the clock caught up.
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(wait.TotalMilliseconds)), clock, cancellationToken);
        }
    }

    // How many sends to this person or conversation its per-conversation limits let this instance make over the
    // next `within`, counting what it sent before.
    public int ConversationRoom(string audience, TimeSpan within)
    {
        var at = clock.GetUtcNow() + within;
        lock (_lock)
        {
            _conversations.TryGetValue(audience, out var conversation);
            return limits.PerConversation.Min(l => SharedOut(l.Sends) - (conversation?.Count(t => t.CountsFrom > at - l.Window) ?? 0));
        }
    }

    private (TimeSpan Wait, SendTurn? Turn) TryTake(string tenantId, string audience)
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
            if (wait > TimeSpan.Zero) return (wait, null);
            _nextSend[tenantId] = (next > now ? next : now) + interval;
            if (_nextSend.Count > 10_000)
            {
                foreach (var (key, at) in _nextSend.ToList()) if (at < now) _nextSend.Remove(key);
            }
            var turn = new SendTurn(this, now);
            tenant.Enqueue(turn);
            conversation.Enqueue(turn);
            return (TimeSpan.Zero, turn);
        }
    }

    private void Answer(SendTurn turn)
    {
        var now = clock.GetUtcNow();
        lock (_lock)
        {
            if (turn.IsAnswered) return;
            var roundTrip = now - turn.GrantedAt;
            _roundTrips.Add(roundTrip);
            // Teams counted the send somewhere between the turn and the answer. A round trip as quick as the quickest
            // counts from the turn; one that took longer (a pause in this process, a slow network) may have reached
            // Teams that much later, so it counts from that much later: sends held up and then arriving together
            // never add up to more than the share in any second Teams counts.
            var later = roundTrip - _roundTrips.Quickest;
            turn.CountsFrom = turn.GrantedAt + (later > TimeSpan.Zero ? later : TimeSpan.Zero);
            turn.IsAnswered = true;
        }
    }

    private static Queue<SendTurn> Log(Dictionary<string, Queue<SendTurn>> logs, string key, DateTimeOffset now, TimeSpan keep)
    {
        if (!logs.TryGetValue(key, out var log)) logs[key] = log = new Queue<SendTurn>();
        while (log.Count > 0 && log.Peek().CountsFrom <= now - keep) log.Dequeue();
        if (logs.Count > 10_000) Prune(logs, now - keep);
        return log;
    }

    private static void Prune(Dictionary<string, Queue<SendTurn>> logs, DateTimeOffset before)
    {
        foreach (var (key, log) in logs.ToList())
        {
            if (log.All(t => t.CountsFrom <= before)) logs.Remove(key);
        }
    }

    // How long until fewer than `allowed` sends fall inside the last `window`. A send not answered yet counts until
    // it is, so the wait is then only a short look again.
    private static TimeSpan WaitFor(Queue<SendTurn> log, DateTimeOffset now, TimeSpan window, int allowed)
    {
        var inWindow = log.Where(t => t.CountsFrom > now - window).Select(t => t.CountsFrom).Order().ToList();
        if (inWindow.Count < allowed) return TimeSpan.Zero;
        var oldest = inWindow[inWindow.Count - allowed];
        return oldest > now ? UnansweredLookAgain : oldest + window - now + TimeSpan.FromMilliseconds(1);
    }

    private static readonly TimeSpan UnansweredLookAgain = TimeSpan.FromMilliseconds(5);

    // One request's place in the limits.
    public sealed class SendTurn
    {
        private readonly SendRateLimiter _limiter;

        internal SendTurn(SendRateLimiter limiter, DateTimeOffset grantedAt)
        {
            _limiter = limiter;
            GrantedAt = grantedAt;
            CountsFrom = grantedAt + NeverAnswered;
        }

        // A request never answered (lost to a bug, say) still frees its place in the end: well after any HTTP timeout.
        private static readonly TimeSpan NeverAnswered = TimeSpan.FromMinutes(3);

        internal DateTimeOffset GrantedAt { get; }
        internal DateTimeOffset CountsFrom { get; set; }
        internal bool IsAnswered { get; set; }

        public void Answered() => _limiter.Answer(this);
    }

    // The quickest of the latest round trips: what a send takes when nothing holds it up.
    private sealed class RoundTrips
    {
        private readonly TimeSpan[] _latest = new TimeSpan[64];
        private int _count;

        public TimeSpan Quickest { get; private set; }

        public void Add(TimeSpan roundTrip)
        {
            _latest[_count++ % _latest.Length] = roundTrip;
            Quickest = _latest.Take(Math.Min(_count, _latest.Length)).Min();
        }
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
