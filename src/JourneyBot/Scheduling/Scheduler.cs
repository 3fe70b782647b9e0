using System.Collections.Concurrent;
using System.Diagnostics;
using JourneyBot.Protocol;
using JourneyBot.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace JourneyBot.Scheduling;

public sealed record TickResult(int Read, int Claimed, int Done, int Postponed);

// Runs on every instance. Each tick it says it is alive (which sets its share of the rate limits), reads due rows,
// claims them and queues them per tenant; each tenant's rows are sent at that tenant's pace and each is deleted
// the moment it is sent. While more is due than one read took, the instance reads again whenever a tenant's
// queue runs low, not only on the tick, so every instance keeps a few read-and-claim rounds' worth of each
// tenant's sends in hand: enough that no share of a limit idles, little enough that instances finish together.
public sealed partial class Scheduler : BackgroundService
{
    private readonly ScheduleStore _store;
    private readonly SendLifecycle _lifecycle;
    private readonly Completions _completions;
    private readonly SendRateLimiter _limiter;
    private readonly SchedulerSettings _settings;
    private readonly TimeProvider _clock;
    private readonly ILogger<Scheduler> _log;
    private readonly TenantLanes _lanes;
    // How many instances are running and this one's place among them, as of the latest heartbeat.
    private (int Alive, int Rank) _instances = (1, 0);
    private DateTimeOffset _lastHeartbeat = DateTimeOffset.MinValue;

    private long _reads;
    private long _rowsRead;
    private long _rowsClaimed;
    // Whether the latest read took as many rows as it asked for (so more are probably due).
    private volatile bool _moreDue;
    // How long a read-and-claim round takes, smoothed.
    private double _roundSeconds = 0.1;
    private TaskCompletionSource _runningLow = NewSignal();
    // Claimed rows that were not sent because the instance is stopping: handed back at once, not left to expire.
    private readonly ConcurrentQueue<ScheduleRow> _handBack = new();

    public Scheduler(ScheduleStore store, SendLifecycle lifecycle, Completions completions, SendRateLimiter limiter,
        SchedulerSettings settings, TimeProvider clock, ILogger<Scheduler> log)
    {
        _store = store;
        _lifecycle = lifecycle;
        _completions = completions;
        _limiter = limiter;
        _settings = settings;
        _clock = clock;
        _log = log;
        _lanes = new TenantLanes(_settings.Parallelism, () => Math.Max(2, limiter.TenantShare / 2), SendRowAsync, OnRowFinished, _handBack.Enqueue);
    }

    // How many instances are running and this one's place among them, for work they split (Housekeeping).
    public (int Alive, int Rank) Instances => _instances;

    public string InstanceId { get; } = $"{Environment.MachineName}-{Guid.NewGuid().ToString("N")[..8]}";

    // Running totals, for the benchmark and for anyone watching an instance.
    public (long Reads, long RowsRead, long RowsClaimed) Totals => (Interlocked.Read(ref _reads), Interlocked.Read(ref _rowsRead), Interlocked.Read(ref _rowsClaimed));

    private ClaimSizing Sizing => new(_limiter.TenantShare, _roundSeconds, _settings.Lease, _limiter.Instances, _moreDue);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_settings.Enabled) return;
        // The first round only says we are here: instances started together then know of each other before any
        // of them sends, and none takes a whole tenant's limit for itself.
        var announced = false;
        var nextTick = _clock.GetUtcNow();
        var isTick = true;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!announced) await AnnounceAsync(stoppingToken);
                else await ClaimAsync(isTick, stoppingToken);
                announced = true;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // Storage unavailable for a while (or anything else): nothing was completed, so a later tick picks
                // it all up. The loop itself must never end while the app runs.
                LogTickFailed(e.Message);
            }
            catch (OperationCanceledException)
            {
                // Stopping in the middle of a round: whatever it claimed is in the lanes, and the drain hands it back.
                break;
            }
            if (isTick) nextTick = _clock.GetUtcNow() + _settings.TickInterval;
            try
            {
                isTick = await NextRoundAsync(nextTick, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        await DrainAsync();
    }

    // A planned stop (a restart, a deploy, scale-in) repeats nothing: no more claims; sends already on their way
    // finish and are marked done, within Scheduler:DrainSeconds; every claimed row not yet sent is handed back at
    // once, so other instances send it now rather than after the lease. Only a row still on its way when the drain
    // time is up stays claimed, and is taken over when its lease ends.
    private async Task DrainAsync()
    {
        using var limit = new CancellationTokenSource(_settings.Drain);
        try
        {
            await _lanes.WhenSentAsync().WaitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            LogDrainTimedOut(_settings.Drain.TotalSeconds);
        }
        // Sent rows still waiting for their batch of deletes are deleted now.
        await _completions.FlushAllAsync();
        var handBack = new List<ScheduleRow>();
        while (_handBack.TryDequeue(out var row)) handBack.Add(row);
        try
        {
            await Parallel.ForEachAsync(handBack, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = limit.Token },
                async (row, ct) => await _store.ReleaseAsync(row, ct));
            await _store.LeaveAsync(InstanceId, limit.Token);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Storage down or out of time: what was not handed back is taken over when its lease ends.
            LogHandBackFailed(handBack.Count, e.Message);
        }
        LogDrained(handBack.Count);
    }

    // One tick, start to finish, for tests: claim what is due and send it.
    public async Task<TickResult> TickAsync(CancellationToken stopping)
    {
        var (read, claimed) = await ClaimAsync(isTick: true, stopping);
        await claimed.Finished;
        return new TickResult(read, claimed.Count, claimed.Done, claimed.Postponed);
    }

    // True when the tick is due; false when a tenant's queue ran low first.
    private async Task<bool> NextRoundAsync(DateTimeOffset nextTick, CancellationToken stopping)
    {
        var wait = nextTick - _clock.GetUtcNow();
        if (wait <= TimeSpan.Zero) return true;
        using var cancelDelay = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var tick = Task.Delay(wait, _clock, cancelDelay.Token);
        var first = await Task.WhenAny(tick, Volatile.Read(ref _runningLow).Task);
        await cancelDelay.CancelAsync();
        stopping.ThrowIfCancellationRequested();
        return first == tick;
    }

    // An instance counts as alive for AliveWithin after its last heartbeat; beating four times in that span keeps
    // the count right, and a faster tick (a busy batch) does not add a write and a read to every round.
    private TimeSpan AliveWithin => _settings.TickInterval * 3 + TimeSpan.FromSeconds(5);

    private async Task AnnounceAsync(CancellationToken stopping)
    {
        var now = _clock.GetUtcNow();
        if (now - _lastHeartbeat < AliveWithin / 4) return;
        var (alive, rank) = await _store.HeartbeatAsync(InstanceId, now, AliveWithin, stopping);
        _lastHeartbeat = now;
        _limiter.ShareWith(alive, rank);
        _instances = (alive, rank);
    }

    // A round reads what tops up the tenants in hand; a tick when nothing more seemed due also looks afresh.
    // Rows are claimed and queued; the batch completes when they are all sent or put back.
    private async Task<(int Read, LaneBatch Claimed)> ClaimAsync(bool isTick, CancellationToken stopping)
    {
        Interlocked.Exchange(ref _runningLow, NewSignal());
        if (isTick) await AnnounceAsync(stopping);
        // While more is due, a read tops every tenant up once one of them runs low (topping up samples all that is
        // due, new tenants included); otherwise a tick looks afresh.
        var sizing = Sizing;
        var (want, anyLow, held) = _lanes.Shortfall(sizing.InHand, sizing.RunningLow, sizing.ActiveWithin);
        if (_moreDue && !anyLow && held > 0) want = 0;
        else if (isTick && (!_moreDue || held == 0)) want += _settings.Parallelism;
        want = Math.Min(want, ClaimSizing.MaxRead);
        if (want == 0) return (0, LaneBatch.Empty);
        var now = _clock.GetUtcNow();
        var round = Stopwatch.StartNew();
        var due = await _store.ReadDueAsync(now, want, Random.Shared.Next(ScheduleStore.Spreads), _moreDue, stopping);
        Interlocked.Increment(ref _reads);
        Interlocked.Add(ref _rowsRead, due.Count);
        _moreDue = due.Count >= want;
        if (due.Count == 0) return (0, LaneBatch.Empty);
        sizing = Sizing;
        var room = Sendable(due, sizing).GroupBy(r => r.TenantId)
            .SelectMany(g => g.Take(Math.Max(0, sizing.MostToHold(g.Count()) - _lanes.Held(g.Key)))).ToList();
        // Not cancelled by a stop: a claim that went through must reach the lanes, to be sent or handed back, never
        // left held by an instance that no longer knows of it.
        var claimed = await _store.ClaimAsync(room, InstanceId, now + _settings.Lease, CancellationToken.None);
        Interlocked.Add(ref _rowsClaimed, claimed.Count);
        _roundSeconds = 0.8 * _roundSeconds + 0.2 * round.Elapsed.TotalSeconds;
        return (due.Count, _lanes.Add(claimed, stopping));
    }

    // Alongside other instances, no more of a person's rows than this instance's part of the per-conversation limits
    // lets it send while what it may hold goes out (what it has in hand, once the last of the batch is read):
    // another instance may send the rest at once, so a batch does not end with one instance trickling out a few
    // people's sends while the others are done.
    private IEnumerable<ScheduleRow> Sendable(List<ScheduleRow> due, ClaimSizing sizing)
    {
        if (_limiter.Instances == 1) return due;
        var soon = sizing.SendableWithin;
        var taken = new Dictionary<string, int>(StringComparer.Ordinal);
        return due.Where(row =>
        {
            var held = taken.GetValueOrDefault(row.Audience) + _lanes.HeldFor(row.Audience);
            if (held >= _limiter.ConversationRoom(row.Audience, soon)) return false;
            taken[row.Audience] = taken.GetValueOrDefault(row.Audience) + 1;
            return true;
        }).ToList();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    // A tenant that still has sends due and is down to half of what should be in hand: read again now.
    private void OnRowFinished(string tenantId, int held)
    {
        var sizing = Sizing;
        if (_moreDue && held <= sizing.RunningLow && _lanes.IsActive(tenantId, sizing.ActiveWithin)) Volatile.Read(ref _runningLow).TrySetResult();
    }

    // Each claimed row's lifecycle past the claim: still due? sent under the claim, then completed or postponed.
    private Task<bool?> SendRowAsync(ScheduleRow row, CancellationToken stopping) =>
        _lifecycle.RunAsync(row, _handBack.Enqueue, stopping);

    [LoggerMessage(LogLevel.Warning, "Stopping: sends on their way were not all answered within {Seconds} s; their claims expire with their lease")]
    private partial void LogDrainTimedOut(double seconds);

    [LoggerMessage(LogLevel.Warning, "Stopping: {Count} claimed sends could not all be handed back ({Reason}); they are taken over when their lease ends")]
    private partial void LogHandBackFailed(int count, string reason);

    [LoggerMessage(LogLevel.Information, "Stopped: sends on their way finished, {Count} claimed sends handed back")]
    private partial void LogDrained(int count);



    [LoggerMessage(LogLevel.Warning, "Scheduler tick failed and will be retried: {Reason}")]
    private partial void LogTickFailed(string reason);



}
