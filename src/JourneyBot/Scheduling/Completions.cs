using Microsoft.Extensions.Logging;

namespace JourneyBot.Scheduling;

// Sent rows are deleted in entity-group transactions of up to a hundred rows of one due-minute partition, instead
// of one delete per send: a batch closes when it is full or a moment after its first row, so a crash can repeat
// at most the sends in flight and those finished within that moment. Each caller waits for its own row's batch,
// so a finished row is gone by the time its send is counted done; a stop flushes what is open.
public sealed partial class Completions(ScheduleStore store, TimeProvider clock, ILogger<Completions> log)
{
    public static readonly TimeSpan Window = TimeSpan.FromMilliseconds(50);
    private const int Full = 100;

    private sealed class Batch
    {
        public readonly List<ScheduleRow> Rows = [];
        public readonly TaskCompletionSource Done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private readonly Lock _lock = new();
    private readonly Dictionary<string, Batch> _open = new(StringComparer.Ordinal);

    public Task CompleteAsync(ScheduleRow row)
    {
        Batch batch;
        var flushNow = false;
        lock (_lock)
        {
            if (!_open.TryGetValue(row.PartitionKey, out batch!))
            {
                batch = new Batch();
                _open[row.PartitionKey] = batch;
                _ = FlushLaterAsync(row.PartitionKey, batch);
            }
            batch.Rows.Add(row);
            if (batch.Rows.Count >= Full)
            {
                _open.Remove(row.PartitionKey);
                flushNow = true;
            }
        }
        if (flushNow) _ = FlushAsync(batch);
        return batch.Done.Task;
    }

    // Real time, not the app's clock: this is a storage detail, and a test's frozen clock must not hold it up.
    private async Task FlushLaterAsync(string partition, Batch batch)
    {
        await Task.Delay(Window);
        lock (_lock)
        {
            if (!_open.TryGetValue(partition, out var open) || open != batch) return;
            _open.Remove(partition);
        }
        await FlushAsync(batch);
    }

    // A sent row must be gone before its lease runs out, or it would be sent again: while storage is briefly
    // unavailable, keep trying until shortly before the earliest lease of the batch ends.
    private async Task FlushAsync(Batch batch)
    {
        try
        {
            var until = batch.Rows.Min(r => r.LeaseUntil) - TimeSpan.FromSeconds(1);
            for (var delay = TimeSpan.FromMilliseconds(250); ; delay = Next(delay))
            {
                try
                {
                    // The deletes are conditional on our claims, so trying them again is always safe.
                    await store.CompleteAllAsync(batch.Rows, CancellationToken.None);
                    return;
                }
                catch (Exception e) when (e is not OutOfMemoryException && clock.GetUtcNow() + delay < until)
                {
                    LogRetry(batch.Rows.Count, e.Message);
                    await Task.Delay(delay);
                }
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogGaveUp(batch.Rows.Count, e.Message);
        }
        finally
        {
            batch.Done.TrySetResult();
        }
    }

    // Everything still open goes now (an instance that is stopping).
    public async Task FlushAllAsync()
    {
        List<Batch> open;
        lock (_lock)
        {
            open = [.. _open.Values];
            _open.Clear();
        }
        await Task.WhenAll(open.Select(FlushAsync));
    }

    private static TimeSpan Next(TimeSpan delay) =>
        TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(5).Ticks));

    [LoggerMessage(LogLevel.Warning, "{Count} sent items could not be marked done yet; retrying: {Reason}")]
    private partial void LogRetry(int count, string reason);

    [LoggerMessage(LogLevel.Error,
        "{Count} sent items could not be marked done before their lease ended and may be sent again: {Reason}")]
    private partial void LogGaveUp(int count, string reason);
}
