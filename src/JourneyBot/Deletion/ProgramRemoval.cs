using System.Text.Json.Nodes;
using Azure;
using Azure.Data.Tables;
using JourneyBot.Conversations;
using JourneyBot.Programs;
using JourneyBot.Storage;

namespace JourneyBot.Deletion;

public sealed record Removed(
    int Rows, int Snapshots, int Planned, int Memberships, int Sends, int Digests, int ActiveIn);

// Every row keyed by a program goes — memberships and conversations' `use` of it first (nobody sees it any
// more), then its scheduled sends (and
// its nudges inside people's digests), its planned markers and map snapshots, and its own partition with the
// charter row last. A run that fails half-way can simply run again: the charter row, which names the program's
// tenant, is what the next run finds. The owner's `delete program` (after its day of grace) and the admin's
// `delete-program` both end here.
public static class ProgramRemoval
{
    private const int BatchSize = 100;

    public static async Task<Removed> RemoveAsync(StorageTables tables, string tenantId, string programId,
        CancellationToken cancellationToken)
    {
        var memberships = await DeleteMembershipsAsync(tables, programId, cancellationToken);
        var activeIn = await DeleteActiveMarksAsync(tables, tenantId, programId, cancellationToken);
        var (sends, digests) = await DeleteScheduledAsync(tables, programId, cancellationToken);
        var planned = await DeletePartitionAsync(tables.Programs, ProgramKeys.PlannedPartition(programId), null,
            cancellationToken);
        var snapshots = await DeletePartitionAsync(tables.Programs, ProgramKeys.SnapshotPartition(programId), null,
            cancellationToken);
        await new Pictures.PictureStore(tables, Pictures.PictureSettings.None).DeleteOfAsync(programId, cancellationToken);
        var rows = await DeletePartitionAsync(tables.Programs, programId, ProgramKeys.Program, cancellationToken);
        return new Removed(rows, snapshots, planned, memberships, sends, digests, activeIn);
    }

    // Conversations that worked on the program (`use`) forget it, so none points at a program that is gone.
    private static async Task<int> DeleteActiveMarksAsync(StorageTables tables, string tenantId, string programId,
        CancellationToken cancellationToken)
    {
        var partition = ConversationStore.PartitionFor(tenantId);
        var count = 0;
        await foreach (var row in tables.Conversations.QueryAsync<TableEntity>(
            e => e.PartitionKey == partition && e.GetString("ProgramId") == programId,
            select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            await DeleteIfThereAsync(tables.Conversations, row.PartitionKey, row.RowKey, cancellationToken);
            count++;
        }
        return count;
    }

    private static async Task<int> DeleteMembershipsAsync(StorageTables tables, string programId,
        CancellationToken cancellationToken)
    {
        var count = 0;
        await foreach (var row in tables.Memberships.QueryAsync<TableEntity>(
            e => e.RowKey == programId, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            await DeleteIfThereAsync(tables.Memberships, row.PartitionKey, row.RowKey, cancellationToken);
            count++;
        }
        return count;
    }

    // Sends that are the program's own (planning, progress cards, name refreshes) go; a digest keeps the other
    // programs' nudges and goes only when none is left.
    private static async Task<(int Sends, int Digests)> DeleteScheduledAsync(StorageTables tables, string programId,
        CancellationToken cancellationToken)
    {
        var (sends, digests) = (0, 0);
        await foreach (var row in tables.Schedule.QueryAsync<ScheduleRowView>(
            e => e.PartitionKey.CompareTo("due|") >= 0 && e.PartitionKey.CompareTo("due}") < 0,
            cancellationToken: cancellationToken))
        {
            if (Parse(row.Payload) is not { } payload) continue;
            if (payload["programId"]?.GetValue<string>() == programId)
            {
                await DeleteIfThereAsync(tables.Schedule, row.PartitionKey, row.RowKey, cancellationToken);
                sends++;
            }
            else if (payload["entries"] is JsonArray entries
                && entries.Any(e => e?["programId"]?.GetValue<string>() == programId))
            {
                var kept = new JsonArray(entries.Where(e => e?["programId"]?.GetValue<string>() != programId)
                    .Select(e => e!.DeepClone()).ToArray());
                if (kept.Count == 0)
                    await DeleteIfThereAsync(tables.Schedule, row.PartitionKey, row.RowKey, cancellationToken);
                else
                {
                    payload["entries"] = kept;
                    row.Payload = payload.ToJsonString();
                    // A digest claimed or changed meanwhile is left as it is: it drops a deleted program's nudges
                    // itself when it is sent.
                    try
                    {
                        await tables.Schedule.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Merge,
                            cancellationToken);
                    }
                    catch (RequestFailedException e) when (e.Status is 404 or 412) { }
                }
                digests++;
            }
        }
        return (sends, digests);
    }

    private static JsonObject? Parse(string payload)
    {
        try
        {
            return string.IsNullOrEmpty(payload) ? null : JsonNode.Parse(payload) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    // Every row of a partition, in entity-group transactions; the row named last (the charter) goes after the rest.
    private static async Task<int> DeletePartitionAsync(TableClient table, string partition, string? last,
        CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        await foreach (var row in table.QueryAsync<TableEntity>(
            e => e.PartitionKey == partition, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            keys.Add(row.RowKey);
        }
        foreach (var chunk in keys.Where(k => k != last).Chunk(BatchSize))
        {
            try
            {
                await table.SubmitTransactionAsync(chunk.Select(k => new TableTransactionAction(
                    TableTransactionActionType.Delete, new TableEntity(partition, k), ETag.All)), cancellationToken);
            }
            catch (TableTransactionFailedException)
            {
                // One row already gone (a run before this one, or the app) fails the batch: one by one, then.
                foreach (var key in chunk) await DeleteIfThereAsync(table, partition, key, cancellationToken);
            }
        }
        if (last is not null && keys.Contains(last))
            await DeleteIfThereAsync(table, partition, last, cancellationToken);
        return keys.Count;
    }

    private static async Task DeleteIfThereAsync(TableClient table, string partition, string rowKey,
        CancellationToken cancellationToken)
    {
        try
        {
            await table.DeleteEntityAsync(partition, rowKey, ETag.All, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
        }
    }

    // Only what deciding needs; a digest's payload is written back with Merge, so nothing else is touched.
    private sealed class ScheduleRowView : TableRow
    {
        public string Payload { get; set; } = "";
    }
}
