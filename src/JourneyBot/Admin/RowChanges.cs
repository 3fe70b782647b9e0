using Azure;
using Azure.Data.Tables;

namespace JourneyBot.Admin;

public enum RowChangeKind { Rewrite, Rekey, Delete }

// What becomes of one row: rewritten in place, written under a new key (the new row and the old one's delete go in
// one entity-group transaction, so a crash leaves one or the other, never neither), or deleted. Every change is
// conditional on the version read, so a row the app changed meanwhile is read and decided again.
public sealed record RowChange(RowChangeKind Kind, TableEntity Old, TableEntity? New = null)
{
    public static RowChange Rewrite(TableEntity old, TableEntity replacement) =>
        new(RowChangeKind.Rewrite, old, replacement);

    public static RowChange Rekey(TableEntity old, TableEntity replacement) =>
        new(RowChangeKind.Rekey, old, replacement);

    public static RowChange Delete(TableEntity old) => new(RowChangeKind.Delete, old);

    public IEnumerable<TableTransactionAction> Actions() => Kind switch
    {
        RowChangeKind.Rewrite => [new(TableTransactionActionType.UpdateReplace, New!, Old.ETag)],
        RowChangeKind.Rekey =>
        [
            new(TableTransactionActionType.UpsertReplace, New!),
            new(TableTransactionActionType.Delete, Keys(Old), Old.ETag),
        ],
        RowChangeKind.Delete => [new(TableTransactionActionType.Delete, Keys(Old), Old.ETag)],
    };

    // A rough size of what the change sends, to keep a transaction under the service's 4 MiB.
    public int Weight() => 1_000 + (New ?? Old).Sum(p => p.Value switch
    {
        string s => s.Length * 2,
        byte[] b => b.Length * 4 / 3,
        _ => 16,
    });

    // A copy holding only the row's own properties, ready to be written (no Timestamp, no ETag annotations).
    public static TableEntity Copy(TableEntity row, string? rowKey = null)
    {
        var copy = new TableEntity(row.PartitionKey, rowKey ?? row.RowKey);
        foreach (var (key, value) in row)
        {
            if (key is "PartitionKey" or "RowKey" or "Timestamp") continue;
            if (key.StartsWith("odata.", StringComparison.Ordinal)) continue;
            copy[key] = value;
        }
        return copy;
    }

    private static TableEntity Keys(TableEntity row) => new(row.PartitionKey, row.RowKey);
}

public sealed record ChangeTally(int Rewritten, int Rekeyed, int Deleted, int Failed)
{
    public static readonly ChangeTally None = new(0, 0, 0, 0);

    public static ChangeTally Of(RowChangeKind kind) => kind switch
    {
        RowChangeKind.Rewrite => new(1, 0, 0, 0),
        RowChangeKind.Rekey => new(0, 1, 0, 0),
        RowChangeKind.Delete => new(0, 0, 1, 0),
    };

    public static ChangeTally operator +(ChangeTally a, ChangeTally b) =>
        new(a.Rewritten + b.Rewritten, a.Rekeyed + b.Rekeyed, a.Deleted + b.Deleted, a.Failed + b.Failed);

    public bool Any => Rewritten + Rekeyed + Deleted + Failed > 0;
}

// Applies the changes to one partition in entity-group transactions (up to 100 actions, well under 4 MiB), in the
// order given. A transaction that fails (a row the app changed or removed meanwhile) is redone row by row: each such
// row is read again and decided again by the same plan.
public static class RowChanges
{
    private const int MaxActions = 100;
    private const int MaxWeight = 3 * 1024 * 1024;
    private const int Attempts = 3;

    public static async Task<ChangeTally> ApplyAsync(TableClient table, IReadOnlyList<RowChange> changes,
        Func<TableEntity, RowChange?> plan)
    {
        var tally = ChangeTally.None;
        foreach (var batch in Batches(changes))
        {
            try
            {
                await table.SubmitTransactionAsync(batch.SelectMany(c => c.Actions()));
                tally = batch.Aggregate(tally, (t, c) => t + ChangeTally.Of(c.Kind));
            }
            catch (Exception e) when (Conflict(e))
            {
                foreach (var change in batch) tally += await OneAsync(table, change, plan);
            }
        }
        return tally;
    }

    private static async Task<ChangeTally> OneAsync(TableClient table, RowChange change,
        Func<TableEntity, RowChange?> plan)
    {
        RowChange? current = change;
        for (var attempt = 0; attempt < Attempts && current is not null; attempt++)
        {
            try
            {
                await table.SubmitTransactionAsync(current.Actions());
                return ChangeTally.Of(current.Kind);
            }
            catch (Exception e) when (Conflict(e))
            {
                var read = await table.GetEntityIfExistsAsync<TableEntity>(change.Old.PartitionKey, change.Old.RowKey);
                // Gone meanwhile (deleted by the app, or by a run before this one): nothing of it is left to change.
                if (!read.HasValue) return ChangeTally.None;
                current = plan(read.Value!);
            }
        }
        return current is null ? ChangeTally.None : new ChangeTally(0, 0, 0, 1);
    }

    // The app changed or removed a row meanwhile, or a run before this one did part of the work.
    private static bool Conflict(Exception e) =>
        e is TableTransactionFailedException or RequestFailedException { Status: 404 or 409 or 412 };

    private static IEnumerable<List<RowChange>> Batches(IEnumerable<RowChange> changes)
    {
        var batch = new List<RowChange>();
        var (actions, weight) = (0, 0);
        foreach (var change in changes)
        {
            var (a, w) = (change.Kind == RowChangeKind.Rekey ? 2 : 1, change.Weight());
            if (batch.Count > 0 && (actions + a > MaxActions || weight + w > MaxWeight))
            {
                yield return batch;
                batch = [];
                (actions, weight) = (0, 0);
            }
            batch.Add(change);
            (actions, weight) = (actions + a, weight + w);
        }
        if (batch.Count > 0) yield return batch;
    }
}
