using System.Text.Json;
using System.Text.Json.Nodes;
using Azure;
using Azure.Data.Tables;
using JourneyBot.Programs;
using JourneyBot.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyBot.Admin;

// `delete-program --tenant <id> --program <id>`: every row keyed by the program goes — memberships first (nobody
// sees it any more), then its scheduled sends (and its nudges inside people's digests), its planned markers and map
// snapshots, and its own partition with the charter row last. A run that fails half-way is reported, and running it
// again finishes the job: the charter row, which names the program's tenant, is what the next run finds.
public static class ProgramDeletion
{
    public static async Task<int> DeleteAsync(
        IReadOnlyDictionary<string, string> options, TextWriter stdout, TimeProvider clock)
    {
        var (tenantId, programId) = (options["--tenant"], options["--program"]);
        await using var services = await ProgramTransfer.ServicesAsync(clock);
        var tables = services.GetRequiredService<StorageTables>();
        var header = await ProgramTransfer.Storage(() =>
            services.GetRequiredService<ProgramStore>().LoadHeaderAsync(tenantId, programId, CancellationToken.None));
        if (header is null)
        {
            throw new ProgramTransferException(
                $"No program '{programId}' in tenant '{tenantId}'. Nothing was deleted.", 2);
        }

        var memberships = await ProgramTransfer.Storage(() => DeleteMembershipsAsync(tables, programId));
        var (sends, digests) = await ProgramTransfer.Storage(() => DeleteScheduledAsync(tables, programId));
        var planned = await ProgramTransfer.Storage(() =>
            DeletePartitionAsync(tables.Programs, ProgramKeys.PlannedPartition(programId), null));
        var snapshots = await ProgramTransfer.Storage(() =>
            DeletePartitionAsync(tables.Programs, ProgramKeys.SnapshotPartition(programId), null));
        var rows = await ProgramTransfer.Storage(() =>
            DeletePartitionAsync(tables.Programs, programId, ProgramKeys.Program));
        await stdout.WriteLineAsync(
            $"Deleted program '{programId}' ({header.Charter.Name}) of tenant '{tenantId}': " +
            $"{rows} rows of its own, {snapshots} snapshot rows, {planned} planned markers, " +
            $"{memberships} memberships, {sends} scheduled sends, its nudges in {digests} digests.");
        return 0;
    }

    private static async Task<int> DeleteMembershipsAsync(StorageTables tables, string programId)
    {
        var count = 0;
        await foreach (var row in tables.Memberships.QueryAsync<TableEntity>(
            e => e.RowKey == programId, select: ["PartitionKey", "RowKey"]))
        {
            await DeleteIfThereAsync(tables.Memberships, row.PartitionKey, row.RowKey);
            count++;
        }
        return count;
    }

    // Sends that are the program's own (planning, progress cards, name refreshes) go; a digest keeps the other
    // programs' nudges and goes only when none is left.
    private static async Task<(int Sends, int Digests)> DeleteScheduledAsync(StorageTables tables, string programId)
    {
        var (sends, digests) = (0, 0);
        await foreach (var row in tables.Schedule.QueryAsync<ScheduleRowView>(
            e => e.PartitionKey.CompareTo("due|") >= 0 && e.PartitionKey.CompareTo("due}") < 0))
        {
            if (string.IsNullOrEmpty(row.Payload) || JsonNode.Parse(row.Payload) is not JsonObject payload) continue;
            if (payload["programId"]?.GetValue<string>() == programId)
            {
                await DeleteIfThereAsync(tables.Schedule, row.PartitionKey, row.RowKey);
                sends++;
            }
            else if (payload["entries"] is JsonArray entries
                && entries.Any(e => e?["programId"]?.GetValue<string>() == programId))
            {
                var kept = new JsonArray(entries.Where(e => e?["programId"]?.GetValue<string>() != programId)
                    .Select(e => e!.DeepClone()).ToArray());
                if (kept.Count == 0) await DeleteIfThereAsync(tables.Schedule, row.PartitionKey, row.RowKey);
                else
                {
                    payload["entries"] = kept;
                    row.Payload = payload.ToJsonString();
                    // A digest claimed or changed meanwhile is left as it is: it drops a deleted program's nudges
                    // itself when it is sent.
                    try { await tables.Schedule.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Merge); }
                    catch (RequestFailedException e) when (e.Status is 404 or 412) { }
                }
                digests++;
            }
        }
        return (sends, digests);
    }

    // Every row of a partition, in entity-group transactions; the row named last (the charter) goes after the rest.
    private static async Task<int> DeletePartitionAsync(TableClient table, string partition, string? last)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == partition,
            select: ["PartitionKey", "RowKey"]))
        {
            rows.Add(row);
        }
        // A row already gone (a run before this one, or the app) is redone alone, and counts as deleted.
        await RowChanges.ApplyAsync(table, rows.Where(r => r.RowKey != last).Select(RowChange.Delete).ToList(),
            RowChange.Delete);
        await RowChanges.ApplyAsync(table, rows.Where(r => r.RowKey == last).Select(RowChange.Delete).ToList(),
            RowChange.Delete);
        return rows.Count;
    }

    private static async Task DeleteIfThereAsync(TableClient table, string partition, string rowKey)
    {
        try
        {
            await table.DeleteEntityAsync(partition, rowKey, ETag.All);
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
