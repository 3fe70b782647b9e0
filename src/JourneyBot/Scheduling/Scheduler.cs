using JourneyBot.Protocol;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace JourneyBot.Scheduling;

public sealed record TickResult(int Read, int Claimed, int Done, int Postponed);

// Runs on every instance. A tick: say we are alive (which sets our share of the rate limits), read due rows,
// claim them, perform each, delete what is done. Claims are sized to what this instance can send within half
// a lease, so a claim never expires under a healthy sender; a dead sender's claims expire and anyone takes them.
public sealed partial class Scheduler(
    ScheduleStore store, IEnumerable<IScheduledWork> works, SendRateLimiter limiter, SchedulerSettings settings,
    TimeProvider clock, ILogger<Scheduler> log) : BackgroundService
{
    private readonly Dictionary<string, IScheduledWork> _works = works.ToDictionary(w => w.Kind, StringComparer.Ordinal);

    private long _ticks;
    private int _inFlight;
    private long _rowsRead;
    private long _rowsClaimed;

    public string InstanceId { get; } = $"{Environment.MachineName}-{Guid.NewGuid().ToString("N")[..8]}";

    // Running totals, for the benchmark and for anyone watching an instance.
    public (long Ticks, long RowsRead, long RowsClaimed) Totals => (Interlocked.Read(ref _ticks), Interlocked.Read(ref _rowsRead), Interlocked.Read(ref _rowsClaimed));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!settings.Enabled) return;
        // Claiming goes on while earlier claims are still being sent, up to what fits in half a lease, so one
        // slow tenant's rate limit never idles the others.
        var sending = new List<Task>();
        // The first round only says we are here: instances started together then know of each other before any
        // of them sends, and none takes a whole tenant's limit for itself.
        var announced = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            sending.RemoveAll(t => t.IsCompleted);
            try
            {
                if (!announced) await AnnounceAsync(stoppingToken);
                else if ((await ClaimDueAsync(stoppingToken)).Claimed is { Count: > 0 } batch) sending.Add(PerformAllAsync(batch, stoppingToken));
                announced = true;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // Storage unavailable for a while (or anything else): nothing was completed, so a later tick picks
                // it all up. The loop itself must never end while the app runs.
                LogTickFailed(e.Message);
            }
            try
            {
                await Task.Delay(settings.TickInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        await Task.WhenAll(sending);
    }

    // One tick, start to finish: claim what is due and send it. Stopping (or dying) stops the claiming of new
    // work; work already on its way finishes and is recorded.
    public async Task<TickResult> TickAsync(CancellationToken stopping)
    {
        var (read, batch) = await ClaimDueAsync(stopping);
        return batch.Count == 0 ? new TickResult(read, 0, 0, 0) : await PerformAllAsync(batch, stopping);
    }

    private async Task AnnounceAsync(CancellationToken stopping) =>
        limiter.ShareWith(await store.HeartbeatAsync(InstanceId, clock.GetUtcNow(), settings.TickInterval * 3 + TimeSpan.FromSeconds(5), stopping));

    // The rows read, and those this instance now holds, tenants taking turns.
    private async Task<(int Read, List<ScheduleRow> Claimed)> ClaimDueAsync(CancellationToken stopping)
    {
        await AnnounceAsync(stopping);
        var now = clock.GetUtcNow();
        var budget = Math.Max(settings.Parallelism, (int)(limiter.TenantShare * settings.Lease.TotalSeconds / 2)) - Volatile.Read(ref _inFlight);
        if (budget <= 0) return (0, []);
        var due = await store.ReadDueAsync(now, budget, Random.Shared.Next(100), stopping);
        Interlocked.Increment(ref _ticks);
        Interlocked.Add(ref _rowsRead, due.Count);
        if (due.Count == 0) return (0, []);
        var claimed = await store.ClaimAsync(due, InstanceId, now + settings.Lease, stopping);
        Interlocked.Add(ref _rowsClaimed, claimed.Count);
        Interlocked.Add(ref _inFlight, claimed.Count);
        // Tenants in turn: one tenant's sends waiting for its rate limit must not hold up everyone else's.
        return (due.Count, claimed.GroupBy(r => r.TenantId).SelectMany(g => g.Select((row, i) => (row, i))).OrderBy(x => x.i).Select(x => x.row).ToList());
    }

    private async Task<TickResult> PerformAllAsync(List<ScheduleRow> claimed, CancellationToken stopping)
    {
        var postponed = 0;
        var abandoned = 0;
        try
        {
            await Parallel.ForEachAsync(claimed, new ParallelOptions { MaxDegreeOfParallelism = settings.Parallelism, CancellationToken = stopping }, async (row, _) =>
            {
                try
                {
                    var outcome = await PerformAsync(row, stopping);
                    if (outcome is null)
                    {
                        Interlocked.Increment(ref abandoned);
                        return;
                    }
                    // Recorded the moment it is done: a crash can then repeat at most the sends in flight.
                    if (outcome.Value) await CompleteAsync(row);
                    else Interlocked.Increment(ref postponed);
                }
                catch (Exception e) when (!stopping.IsCancellationRequested)
                {
                    // Storage failed around this item: its claim stays and expires, and it is tried again then.
                    Interlocked.Increment(ref postponed);
                    LogRetry(row.Kind, ScheduleStore.IdOf(row), e.Message);
                }
                finally
                {
                    Interlocked.Decrement(ref _inFlight);
                }
            });
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Unstarted claims are left to expire and be taken over.
        }
        return new TickResult(claimed.Count, claimed.Count, claimed.Count - postponed - abandoned, postponed);
    }

    // True when the row is finished (sent, or given up on); false when it was put back for later; null when
    // the instance stopped before it went out (the claim stays, to expire and be taken over).
    private async Task<bool?> PerformAsync(ScheduleRow row, CancellationToken stopping)
    {
        var item = ScheduleStore.ToItem(row) with { BeforeSend = () => HoldClaimAsync(row, stopping) };
        if (!_works.TryGetValue(row.Kind, out var work))
        {
            LogUnknownKind(row.Kind, item.Id);
            await store.PostponeAsync(row, clock.GetUtcNow().AddHours(1), countAttempt: true, CancellationToken.None);
            return false;
        }
        // A claim that has waited its turn gets a fresh lease before the work starts, so the work never runs on a
        // claim that could expire under it; if another instance took it over meanwhile, it is theirs.
        if (row.LeaseUntil - clock.GetUtcNow() < settings.Lease * 0.75 && !await store.RenewAsync(row, clock.GetUtcNow() + settings.Lease, stopping))
        {
            return null;
        }
        try
        {
            // Work may stop while it waits (for a rate-limit slot, say); once a message is on its way it finishes,
            // so what went out is always recorded as done.
            var result = await work.RunAsync(item, stopping);
            if (result.Outcome == WorkOutcome.Done) return true;
            await store.PostponeAsync(row, result.NotBefore ?? Backoff(row.Attempts), countAttempt: result.NotBefore is null, CancellationToken.None);
            return false;
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            return null;
        }
        catch (ClaimLostException)
        {
            return null;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            if (row.Attempts + 1 >= settings.MaxAttempts)
            {
                LogGaveUp(row.Kind, item.Id, row.Attempts + 1, e.Message);
                return true;
            }
            LogRetry(row.Kind, item.Id, e.Message);
            await store.PostponeAsync(row, Backoff(row.Attempts), countAttempt: true, CancellationToken.None);
            return false;
        }
    }

    // Right before a send: a claim with less than three quarters of its lease left is renewed, so marking the send
    // done has most of a lease to get through a storage outage; a claim another instance has taken over stops the send.
    private async Task HoldClaimAsync(ScheduleRow row, CancellationToken stopping)
    {
        var now = clock.GetUtcNow();
        if (row.LeaseUntil - now >= settings.Lease * 0.75) return;
        if (!await store.RenewAsync(row, now + settings.Lease, stopping)) throw new ClaimLostException();
    }

    // A sent item must be marked done before its lease runs out, or it would be sent again: when storage is
    // briefly unavailable, keep trying until shortly before the lease ends.
    private async Task CompleteAsync(ScheduleRow row)
    {
        var until = row.LeaseUntil - TimeSpan.FromSeconds(1);
        for (var delay = TimeSpan.FromMilliseconds(250); ; delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(5).Ticks)))
        {
            try
            {
                await store.CompleteAsync(row, CancellationToken.None);
                return;
            }
            // Any failure: the delete is conditional on our claim, so trying it again is always safe.
            catch (Exception e) when (e is not OutOfMemoryException && clock.GetUtcNow() + delay < until)
            {
                LogCompleteRetry(ScheduleStore.IdOf(row), e.Message);
                await Task.Delay(delay, clock);
            }
        }
    }

    // 30 s, 1, 2, 4… minutes, at most an hour.
    private DateTimeOffset Backoff(int attempts) =>
        clock.GetUtcNow() + TimeSpan.FromSeconds(Math.Min(3600, 30 * Math.Pow(2, Math.Min(attempts, 10))));

    [LoggerMessage(LogLevel.Warning, "Sent item {Id} could not be marked done yet; retrying: {Reason}")]
    private partial void LogCompleteRetry(string id, string reason);

    [LoggerMessage(LogLevel.Warning, "Scheduler tick failed and will be retried: {Reason}")]
    private partial void LogTickFailed(string reason);

    [LoggerMessage(LogLevel.Warning, "Scheduled item {Id} has kind {Kind}, which this version does not know; postponed")]
    private partial void LogUnknownKind(string kind, string id);

    [LoggerMessage(LogLevel.Warning, "Scheduled {Kind} item {Id} failed and will be retried: {Reason}")]
    private partial void LogRetry(string kind, string id, string reason);

    [LoggerMessage(LogLevel.Error, "Scheduled {Kind} item {Id} failed {Attempts} times and was given up: {Reason}")]
    private partial void LogGaveUp(string kind, string id, int attempts, string reason);
}
