using Azure;
using Azure.Data.Tables;
using JourneyBot.Storage;

namespace JourneyBot.Scheduling;

// The due-time index. Adds are idempotent by item id; a claim is an ETag-conditional merge that moves the
// lease forward; completion deletes the row under the claim's ETag, so a claim taken over meanwhile is never
// completed by the instance that lost it.
public sealed class ScheduleStore(StorageTables tables)
{
    // Partitions of future sends start with this; the one other partition holds the instances' heartbeats.
    public const string DuePrefix = "due|";
    private const string InstancesPartition = "instances";
    private const int MaxBatch = 100;

    public static string Bucket(DateTimeOffset at) => DuePrefix + at.UtcDateTime.ToString("yyyyMMddHHmm");

    public static string RowKeyFor(string id)
    {
        // FNV-1a: stable across processes, unlike string.GetHashCode. Four hex digits, so rows in key order are
        // in no order of tenant or person and any run of them is a fair sample of what is due.
        var spread = id.Aggregate(2166136261u, (hash, c) => (hash ^ c) * 16777619u) % Spreads;
        return $"{spread:x4}|{TableKey.Encode(id)}";
    }

    public const int Spreads = 0x10000;

    public static string IdOf(ScheduleRow row) => TableKey.Decode(row.RowKey[(row.RowKey.IndexOf('|') + 1)..]);

    // False when an item with this id is already due at that minute (planned twice, or by two instances).
    public async Task<bool> AddAsync(ScheduledItem item, CancellationToken cancellationToken)
    {
        try
        {
            await tables.Schedule.AddEntityAsync(ToRow(item), cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    // Reads a pending item so its payload can be extended (digests gather several nudges); null when absent.
    public async Task<ScheduleRow?> GetAsync(string id, DateTimeOffset dueAt, CancellationToken cancellationToken)
    {
        var row = await tables.Schedule.GetEntityIfExistsAsync<ScheduleRow>(Bucket(dueAt), RowKeyFor(id), cancellationToken: cancellationToken);
        return row.HasValue ? row.Value : null;
    }

    // Replaces an unclaimed row's payload; false when it was claimed or changed meanwhile.
    public async Task<bool> ReplacePayloadAsync(ScheduleRow row, string payload, CancellationToken cancellationToken)
    {
        row.Payload = payload;
        try
        {
            await tables.Schedule.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            return false;
        }
    }

    // Up to `limit` due, unclaimed (or abandoned) rows, starting at `spread` so instances fan out. A narrow key
    // range is read first, so when much is due the storage service gathers and orders only about what is asked
    // for instead of everything due; then, when much is due (`dense`), ranges each twice as wide as the last,
    // otherwise the rest of the key space at once.
    public async Task<List<ScheduleRow>> ReadDueAsync(DateTimeOffset now, int limit, int spread, bool dense, CancellationToken cancellationToken)
    {
        var rows = new List<ScheduleRow>(Math.Min(limit, 1000));
        var from = spread;
        var width = Spreads / 64;
        for (var covered = 0; covered < Spreads && rows.Count < limit; width = dense ? width * 2 : Spreads)
        {
            var to = Math.Min(from + Math.Min(width, Spreads - covered), Spreads);
            await ReadRangeAsync(rows, now, limit, from, to, cancellationToken);
            covered += to - from;
            from = to % Spreads;
        }
        return rows;
    }

    private async Task ReadRangeAsync(List<ScheduleRow> rows, DateTimeOffset now, int limit, int from, int to, CancellationToken cancellationToken)
    {
        var upTo = Bucket(now);
        var start = $"{from:x4}|";
        var filter = to >= Spreads
            ? TableClient.CreateQueryFilter($"PartitionKey ge {DuePrefix} and PartitionKey le {upTo} and RowKey ge {start} and LeaseUntil le {now}")
            : TableClient.CreateQueryFilter($"PartitionKey ge {DuePrefix} and PartitionKey le {upTo} and RowKey ge {start} and RowKey lt {$"{to:x4}|"} and LeaseUntil le {now}");
        await foreach (var page in tables.Schedule.QueryAsync<ScheduleRow>(filter, maxPerPage: Math.Min(limit - rows.Count, 1000), cancellationToken: cancellationToken).AsPages())
        {
            foreach (var row in page.Values)
            {
                rows.Add(row);
                if (rows.Count >= limit) return;
            }
        }
    }

    // Claims what it can, a partition's rows in one transaction where possible; returns the rows now held.
    public async Task<List<ScheduleRow>> ClaimAsync(IEnumerable<ScheduleRow> rows, string instance, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        var claimed = new List<ScheduleRow>();
        foreach (var group in rows.GroupBy(r => r.PartitionKey))
        {
            foreach (var chunk in group.Chunk(MaxBatch))
            {
                var pending = chunk.ToList();
                while (pending.Count > 0)
                {
                    var actions = pending.Select(r => new TableTransactionAction(TableTransactionActionType.UpdateMerge,
                        new TableEntity(r.PartitionKey, r.RowKey) { [nameof(ScheduleRow.LeaseUntil)] = leaseUntil, [nameof(ScheduleRow.ClaimedBy)] = instance }, r.ETag)).ToList();
                    try
                    {
                        var response = await tables.Schedule.SubmitTransactionAsync(actions, cancellationToken);
                        for (var i = 0; i < pending.Count; i++)
                        {
                            pending[i].ETag = response.Value[i].Headers.ETag ?? default;
                            pending[i].LeaseUntil = leaseUntil;
                            pending[i].ClaimedBy = instance;
                        }
                        claimed.AddRange(pending);
                        break;
                    }
                    catch (TableTransactionFailedException e) when (e.Status is 404 or 412 && e.FailedTransactionActionIndex is { } failed)
                    {
                        // Another instance got that one first (or it is done): claim the rest without it.
                        pending.RemoveAt(failed);
                    }
                }
            }
        }
        return claimed;
    }

    // Deletes a finished row under its claim; a row whose claim was taken over is left to the new holder.
    public async Task CompleteAsync(ScheduleRow row, CancellationToken cancellationToken)
    {
        try
        {
            // A plain delete, not a one-row transaction: far cheaper for the storage service per send.
            await tables.Schedule.DeleteEntityAsync(row.PartitionKey, row.RowKey, row.ETag, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
        }
    }

    // Deletes finished rows of one partition under their claims, up to a hundred in one entity-group transaction;
    // a row whose claim was taken over (or that is gone) is left out and the rest deleted without it.
    public async Task CompleteAllAsync(IReadOnlyList<ScheduleRow> rows, CancellationToken cancellationToken)
    {
        foreach (var chunk in rows.Chunk(MaxBatch))
        {
            var pending = chunk.ToList();
            while (pending.Count > 1)
            {
                try
                {
                    await tables.Schedule.SubmitTransactionAsync(pending.Select(r => new TableTransactionAction(
                        TableTransactionActionType.Delete, new TableEntity(r.PartitionKey, r.RowKey), r.ETag)), cancellationToken);
                    pending.Clear();
                }
                catch (TableTransactionFailedException e) when (e.Status is 404 or 412 && e.FailedTransactionActionIndex is { } failed)
                {
                    pending.RemoveAt(failed);
                }
            }
            // One row alone: a plain delete costs the storage service less than a transaction of one.
            if (pending.Count == 1) await CompleteAsync(pending[0], cancellationToken);
        }
    }

    // Extends this instance's claim; false when another instance has taken the row over (or it is gone).
    public async Task<bool> RenewAsync(ScheduleRow row, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        try
        {
            var response = await tables.Schedule.UpdateEntityAsync(new TableEntity(row.PartitionKey, row.RowKey) { [nameof(ScheduleRow.LeaseUntil)] = leaseUntil }, row.ETag, TableUpdateMode.Merge, cancellationToken);
            row.ETag = response.Headers.ETag ?? default;
            row.LeaseUntil = leaseUntil;
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            return false;
        }
    }

    // Gives a claimed row back to be tried again later: same partition, a later due time, claimed by nobody.
    public async Task PostponeAsync(ScheduleRow row, DateTimeOffset notBefore, bool countAttempt, CancellationToken cancellationToken)
    {
        try
        {
            await tables.Schedule.UpdateEntityAsync(Unclaimed(row, notBefore, row.Attempts + (countAttempt ? 1 : 0)), row.ETag, TableUpdateMode.Replace, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            // Taken over meanwhile: the new holder decides.
        }
    }

    private static ScheduleRow Unclaimed(ScheduleRow row, DateTimeOffset dueAt, int attempts) => new()
    {
        PartitionKey = row.PartitionKey, RowKey = row.RowKey, Kind = row.Kind, Payload = row.Payload, TenantId = row.TenantId, Audience = row.Audience,
        DueAt = dueAt, LeaseUntil = dueAt, ClaimedBy = null, Attempts = attempts,
    };

    // Hands a claimed row back at once (an instance that is stopping): due again as it was, claimed by nobody. A
    // whole-row replace, since a merge cannot remove the claimant.
    public async Task ReleaseAsync(ScheduleRow row, CancellationToken cancellationToken)
    {
        var released = Unclaimed(row, row.DueAt, row.Attempts);
        try
        {
            await tables.Schedule.UpdateEntityAsync(released, row.ETag, TableUpdateMode.Replace, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            // Done or taken over meanwhile: nothing of ours to hand back.
        }
    }

    // A stopping instance leaves the count at once, so the others take up its share of the limits.
    public async Task LeaveAsync(string instance, CancellationToken cancellationToken)
    {
        try
        {
            await tables.Schedule.DeleteEntityAsync(InstancesPartition, instance, ETag.All, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
        }
    }

    // Heartbeat: records this instance and returns how many instances are alive and how many of them sort before
    // it, so they can split rate limits that do not divide evenly.
    public async Task<(int Alive, int Rank)> HeartbeatAsync(string instance, DateTimeOffset now, TimeSpan aliveWithin, CancellationToken cancellationToken)
    {
        await tables.Schedule.UpsertEntityAsync(new TableEntity(InstancesPartition, instance) { ["SeenAt"] = now }, TableUpdateMode.Replace, cancellationToken);
        var alive = 0;
        var rank = 0;
        var since = now - aliveWithin;
        await foreach (var other in tables.Schedule.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {InstancesPartition} and SeenAt ge {since}"), select: ["RowKey"], cancellationToken: cancellationToken))
        {
            alive++;
            if (string.CompareOrdinal(other.RowKey, instance) < 0) rank++;
        }
        return (Math.Max(1, alive), Math.Min(rank, Math.Max(0, alive - 1)));
    }

    public static ScheduledItem ToItem(ScheduleRow row) =>
        new(IdOf(row), row.Kind, row.DueAt, row.TenantId, row.Audience, row.Payload) { Attempts = row.Attempts };

    private static ScheduleRow ToRow(ScheduledItem item) => new()
    {
        PartitionKey = Bucket(item.DueAt),
        RowKey = RowKeyFor(item.Id),
        Kind = item.Kind,
        Payload = item.Payload,
        TenantId = item.TenantId,
        Audience = item.Audience,
        DueAt = item.DueAt,
        LeaseUntil = item.DueAt,
        Attempts = item.Attempts,
    };
}
