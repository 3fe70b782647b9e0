using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;

namespace JourneyBot.Storage;

// An idempotency row matters only while the channel may redeliver its activity; kept for ever, the table would grow
// by a row for every activity that ever wrote. Housekeeping sweeps a few partitions every Interval, round-robin,
// one entity-group transaction per partition at most, so a sweep stays cheap and the table holds about a day's worth.
public sealed partial class IdempotencySweeper(StorageTables tables, TimeProvider clock, ILogger<IdempotencySweeper> log)
{
    // An entity-group transaction holds at most 100 operations.
    public const int BatchSize = 100;
    public const int PartitionsPerSweep = 2;
    // How often a sweep starts on each instance.
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    // Partitions this instance has visited: where its round-robin stands.
    private long _visited;
    private long _deleted;

    public long Deleted => Interlocked.Read(ref _deleted);

    // A sweep for a timer: a failure is logged, and its rows wait for their partition's next turn.
    public async Task SweepOrLogAsync(int instances, int rank, CancellationToken stopping)
    {
        try
        {
            await SweepAsync(instances, rank, stopping);
        }
        catch (Exception e) when (e is not OutOfMemoryException && !stopping.IsCancellationRequested)
        {
            LogSweepFailed(e.Message);
        }
    }

    // Sweeps the next few of this instance's partitions. Running instances split the partitions by rank (this one
    // takes those whose number leaves rank when divided by instances), so two of them rarely sweep the same
    // partition; when they do (while they disagree on who is running), the second's deletes are harmless.
    // Returns the rows deleted.
    public async Task<int> SweepAsync(int instances, int rank, CancellationToken cancellationToken)
    {
        instances = Math.Clamp(instances, 1, IdempotencyStore.Partitions);
        rank = Math.Clamp(rank, 0, instances - 1);
        var mine = (IdempotencyStore.Partitions - rank + instances - 1) / instances;
        var cutoff = clock.GetUtcNow() - IdempotencyStore.RedeliveryWindow;
        var partitions = Enumerable.Range(0, Math.Min(PartitionsPerSweep, mine))
            .Select(_ => rank + instances * (int)((Interlocked.Increment(ref _visited) - 1) % mine))
            .ToList();
        var deleted = await Task.WhenAll(partitions.Select(p => SweepPartitionAsync(IdempotencyStore.PartitionOf(p), cutoff, cancellationToken)));
        return deleted.Sum();
    }

    private async Task<int> SweepPartitionAsync(string partition, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var stale = new List<TableEntity>();
        var query = tables.Idempotency.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition} and ClaimedAt lt {cutoff}"),
            maxPerPage: BatchSize, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken);
        await foreach (var page in query.AsPages())
        {
            // One transaction's worth per visit; the rest waits for the partition's next turn.
            stale.AddRange(page.Values);
            break;
        }
        if (stale.Count == 0) return 0;
        try
        {
            // Conditional on each row's ETag: a row claimed again since it was read is not deleted under its claim.
            await tables.Idempotency.SubmitTransactionAsync(
                stale.Select(row => new TableTransactionAction(TableTransactionActionType.Delete, row, row.ETag)), cancellationToken);
            Interlocked.Add(ref _deleted, stale.Count);
            return stale.Count;
        }
        catch (TableTransactionFailedException e) when (e.Status is 404 or 412)
        {
            // Another sweeper deleted some of them first (or one was claimed again), and the transaction did
            // nothing: delete the rest one by one, where a row already gone or changed is simply skipped.
            var deleted = 0;
            foreach (var row in stale)
            {
                try
                {
                    var response = await tables.Idempotency.DeleteEntityAsync(row.PartitionKey, row.RowKey, row.ETag, cancellationToken);
                    if (response.Status != 404) deleted++;
                }
                catch (RequestFailedException single) when (single.Status is 404 or 412)
                {
                }
            }
            Interlocked.Add(ref _deleted, deleted);
            return deleted;
        }
    }

    [LoggerMessage(LogLevel.Warning, "Sweeping old idempotency rows failed and will be tried on the next sweep: {Reason}")]
    private partial void LogSweepFailed(string reason);
}
