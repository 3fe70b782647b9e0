using JourneyBot.Protocol;
using Microsoft.Extensions.Logging;

namespace JourneyBot.Scheduling;

// One claimed row, start to finish: the scheduler has claimed it (a batch at a time); here the claim is made
// fresh enough for the work, the work decides whether the item is still due and sends it while the claim is
// held (SendClaim, checked before every attempt), and the row is completed (deleted, in batches) or postponed.
public sealed partial class SendLifecycle(ScheduleStore store, IEnumerable<IScheduledWork> works,
    Completions completions, SchedulerSettings settings, TimeProvider clock, ILogger<SendLifecycle> log)
{
    private readonly Dictionary<string, IScheduledWork> _works =
        works.ToDictionary(w => w.Kind, StringComparer.Ordinal);

    // True when the row is finished (sent, or given up on); false when it was put back for later; null when the
    // instance stopped before it went out, or another took it over (handBack gets the rows to release at once).
    public async Task<bool?> RunAsync(ScheduleRow row, Action<ScheduleRow> handBack, CancellationToken stopping)
    {
        try
        {
            var outcome = await PerformAsync(row, handBack, stopping);
            if (outcome == true) await completions.CompleteAsync(row);
            return outcome;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            if (stopping.IsCancellationRequested)
            {
                // Stopped before the work began (renewing the claim, say): nothing went out.
                handBack(row);
                return null;
            }
            // Storage failed around this item: its claim stays and expires, and it is tried again then.
            LogRetry(row.Kind, ScheduleStore.IdOf(row), e.Message);
            return false;
        }
    }

    private async Task<bool?> PerformAsync(ScheduleRow row, Action<ScheduleRow> handBack, CancellationToken stopping)
    {
        var item = ScheduleStore.ToItem(row);
        if (!_works.TryGetValue(row.Kind, out var work))
        {
            LogUnknownKind(row.Kind, item.Id);
            await store.PostponeAsync(row, clock.GetUtcNow().AddHours(1), countAttempt: true, CancellationToken.None);
            return false;
        }
        // A claim that has waited its turn gets a fresh lease before the work starts, so the work never runs on a
        // claim that could expire under it; if another instance took it over meanwhile, it is theirs.
        if (!await KeepClaimAsync(row, stopping)) return null;
        try
        {
            // Checked again right before each attempt to post, so a claim another instance has taken over stops
            // the send, and marking it done has most of a lease to get through a storage outage.
            using var claim = SendClaim.Hold(async () =>
            {
                if (!await KeepClaimAsync(row, stopping)) throw new ClaimLostException();
            });
            // Work may stop while it waits (for a rate-limit slot, say); once a message is on its way it finishes,
            // so what went out is always recorded as done.
            var result = await work.RunAsync(item, stopping);
            if (result.Outcome == WorkOutcome.Done) return true;
            await store.PostponeAsync(row, result.NotBefore ?? Backoff(row.Attempts),
                countAttempt: result.NotBefore is null, CancellationToken.None);
            return false;
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopped while it waited its turn: nothing went out.
            handBack(row);
            return null;
        }
        catch (ConnectorException e) when (e.MayHaveArrived)
        {
            // On its way with no answer: Teams may have shown it, so it is not sent again.
            LogMayHaveArrived(row.Kind, item.Id, e.Message);
            return true;
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

    // Renewed only once half the lease is gone: what is left then still outlasts one attempt's wait for an answer
    // at the default lease, and a renewal that changes nothing is a storage transaction the sends need. False
    // when another instance has taken the row over.
    private async Task<bool> KeepClaimAsync(ScheduleRow row, CancellationToken stopping)
    {
        var now = clock.GetUtcNow();
        return row.LeaseUntil - now >= settings.Lease / 2
            || await store.RenewAsync(row, now + settings.Lease, stopping);
    }

    // 30 s, 1, 2, 4… minutes, at most an hour.
    private DateTimeOffset Backoff(int attempts) =>
        clock.GetUtcNow() + TimeSpan.FromSeconds(Math.Min(3600, 30 * Math.Pow(2, Math.Min(attempts, 10))));

    [LoggerMessage(LogLevel.Warning, "Scheduled {Kind} item {Id} got no answer and is not sent again: {Reason}")]
    private partial void LogMayHaveArrived(string kind, string id, string reason);

    [LoggerMessage(LogLevel.Warning,
        "Scheduled item {Id} has kind {Kind}, which this version does not know; postponed")]
    private partial void LogUnknownKind(string kind, string id);

    [LoggerMessage(LogLevel.Warning, "Scheduled {Kind} item {Id} failed and will be retried: {Reason}")]
    private partial void LogRetry(string kind, string id, string reason);

    [LoggerMessage(LogLevel.Error, "Scheduled {Kind} item {Id} failed {Attempts} times and was given up: {Reason}")]
    private partial void LogGaveUp(string kind, string id, int attempts, string reason);
}
