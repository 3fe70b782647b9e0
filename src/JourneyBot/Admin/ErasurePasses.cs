using Azure.Data.Tables;
using JourneyBot.Map;
using JourneyBot.Programs;
using JourneyBot.Storage;

namespace JourneyBot.Admin;

// The rows an erasure reads, table by table, all scoped to the tenant where the table knows tenants: the tenant's
// program partitions (with their planned and snapshot partitions), its memberships, its conversations and its
// scheduled sends; Idempotency and ServiceUrls know no tenant and are read whole (they are small: a day's activities,
// a few endpoints).
internal static class ErasurePasses
{
    public static async Task<List<string>> TenantProgramsAsync(StorageTables tables, string tenantId)
    {
        var ids = new List<string>();
        await foreach (var row in tables.Programs.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"RowKey eq {ProgramKeys.Program} and TenantId eq {tenantId}"),
            select: ["PartitionKey"]))
        {
            ids.Add(row.PartitionKey);
        }
        return ids;
    }

    // Whether any row of the tenant names the person's id, learning the names their records carry and their
    // personal chats on the way; and whether the marker is there already (a run that finished before).
    public static async Task<(bool Mentioned, bool MarkerSeen)> FindAsync(StorageTables tables,
        IReadOnlyList<string> programIds, ErasureScope scope)
    {
        var person = scope.Person;
        var marker = person.Marker.AadObjectId;
        var (mentioned, markerSeen) = (false, false);
        void Look(TableEntity row)
        {
            var keyed = scope.KeyMentions(row.PartitionKey) || scope.KeyMentions(row.RowKey);
            mentioned |= keyed;
            markerSeen |= row.RowKey.Contains(marker, StringComparison.Ordinal);
            foreach (var value in row.Select(p => p.Value).OfType<string>())
            {
                if (person.MentionsId(value))
                {
                    mentioned = true;
                    person.CollectNames(value);
                }
                markerSeen |= value.Contains(marker, StringComparison.Ordinal);
            }
            if (keyed && row.RowKey.StartsWith(ProgramKeys.UnreachablePrefix, StringComparison.Ordinal))
            {
                person.AddName(row.GetString("Name"));
            }
        }

        foreach (var programId in programIds)
        {
            foreach (var row in await PartitionAsync(tables.Programs, programId)) Look(row);
            var planned = await PartitionAsync(tables.Programs, ProgramKeys.PlannedPartition(programId));
            foreach (var row in planned) Look(row);
            var snapshots = await SnapshotErasure.ReadAsync(tables.Programs, programId);
            SnapshotErasure.CollectNames(snapshots, person);
            mentioned |= SnapshotErasure.Mentions(snapshots, person.MentionsId);
            markerSeen |= SnapshotErasure.Mentions(snapshots,
                s => s?.Contains(marker, StringComparison.Ordinal) == true);
        }
        foreach (var row in await MembershipsAsync(tables, scope.TenantId)) Look(row);
        foreach (var row in await ScheduleAsync(tables, scope.TenantId)) Look(row);
        foreach (var row in await ConversationsAsync(tables, scope.TenantId))
        {
            Look(row);
            var theirs = (scope.KeyMentions(row.RowKey) && row.RowKey.StartsWith("u:", StringComparison.Ordinal))
                || (person.MentionsId(row.GetString("UserAadObjectId"))
                    && row.GetString("ConversationType") == "personal");
            if (theirs && row.GetString("ConversationId") is { Length: > 0 } chat) scope.Chats.Add(chat);
        }
        await foreach (var row in tables.Idempotency.QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey"]))
        {
            Look(row);
        }
        return (mentioned, markerSeen);
    }

    public static async Task<ChangeTally> ProgramAsync(StorageTables tables, string programId, ErasureScope scope)
    {
        // The charter first: once it no longer names them, no follow-up is planned for them while the rest goes.
        var changes = (await PartitionAsync(tables.Programs, programId)).Select(scope.ProgramRow).OfType<RowChange>()
            .OrderBy(c => c.Old.RowKey == ProgramKeys.Program ? 0 : 1).ToList();
        var tally = await RowChanges.ApplyAsync(tables.Programs, changes, scope.ProgramRow);
        var planned = await PartitionAsync(tables.Programs, ProgramKeys.PlannedPartition(programId));
        return tally + await ApplyAsync(tables.Programs, planned, scope.DeleteIfKeyed);
    }

    public static Task<(int Rewritten, int ChunksDeleted)> SnapshotsAsync(StorageTables tables,
        MapSnapshotStore store, string programId, ErasureScope scope) =>
        SnapshotErasure.EraseAsync(tables.Programs, store, programId, scope.Person);

    public static async Task<ChangeTally> MembershipsAsync(StorageTables tables, ErasureScope scope) =>
        await ApplyAsync(tables.Memberships, await MembershipsAsync(tables, scope.TenantId), scope.DeleteIfKeyed);

    public static async Task<ChangeTally> ScheduleAsync(StorageTables tables, ErasureScope scope) =>
        await ApplyAsync(tables.Schedule, await ScheduleAsync(tables, scope.TenantId), scope.ScheduleRow);

    public static async Task<ChangeTally> ConversationsAsync(StorageTables tables, ErasureScope scope) =>
        await ApplyAsync(tables.Conversations, await ConversationsAsync(tables, scope.TenantId), scope.ConversationRow);

    public static async Task<ChangeTally> WholeTableAsync(TableClient table, Func<TableEntity, RowChange?> plan)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>()) rows.Add(row);
        return await ApplyAsync(table, rows, plan);
    }

    // Rows in key order, each partition's changes in transactions of their own.
    private static async Task<ChangeTally> ApplyAsync(TableClient table, IEnumerable<TableEntity> rows,
        Func<TableEntity, RowChange?> plan)
    {
        var tally = ChangeTally.None;
        foreach (var partition in rows.GroupBy(r => r.PartitionKey))
        {
            var changes = partition.Select(plan).OfType<RowChange>().ToList();
            if (changes.Count > 0) tally += await RowChanges.ApplyAsync(table, changes, plan);
        }
        return tally;
    }

    private static async Task<List<TableEntity>> PartitionAsync(TableClient table, string partition)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == partition)) rows.Add(row);
        return rows;
    }

    private static async Task<List<TableEntity>> MembershipsAsync(StorageTables tables, string tenantId)
    {
        var prefix = TableKey.Encode(tenantId) + "|";
        var (from, to) = ProgramKeys.Range(prefix);
        var rows = new List<TableEntity>();
        await foreach (var row in tables.Memberships.QueryAsync<TableEntity>(
            e => e.PartitionKey.CompareTo(from) >= 0 && e.PartitionKey.CompareTo(to) < 0))
        {
            rows.Add(row);
        }
        return rows;
    }

    private static async Task<List<TableEntity>> ScheduleAsync(StorageTables tables, string tenantId)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in tables.Schedule.QueryAsync<TableEntity>(TableClient.CreateQueryFilter(
            $"PartitionKey ge {"due|"} and PartitionKey lt {"due}"} and TenantId eq {tenantId}")))
        {
            rows.Add(row);
        }
        return rows;
    }

    private static Task<List<TableEntity>> ConversationsAsync(StorageTables tables, string tenantId) =>
        PartitionAsync(tables.Conversations, Conversations.ConversationStore.PartitionFor(tenantId));
}
