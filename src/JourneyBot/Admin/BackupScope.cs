using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using JourneyBot.Conversations;
using JourneyBot.Programs;
using JourneyBot.Scheduling;
using JourneyBot.Storage;

namespace JourneyBot.Admin;

// Which rows a backup or a restore covers: every row JourneyBot keeps (tenant null), or one tenant's. A tenant shows
// in the keys of most tables (Conversations "t:<tenant>", Memberships "<tenant>|<person>"), on scheduled sends'
// TenantId, and on a program's charter row, which owns the program's partitions ("<program>", "<program>|planned",
// "<program>|snapshots"). Trusted serviceUrls are shared by every tenant: one tenant's scope holds those its
// conversations use, and a restore of one tenant never deletes any.
public sealed class BackupScope(string? tenant)
{
    public string? Tenant { get; } = tenant;

    public bool WholeAccount => Tenant is null;

    public string Describe() => Tenant is null ? "the whole account" : $"tenant '{Tenant}'";

    public static string ProgramOf(string partitionKey)
    {
        var bar = partitionKey.IndexOf('|', StringComparison.Ordinal);
        return bar < 0 ? partitionKey : partitionKey[..bar];
    }

    // Decides for a row already read (from a backup), given the tenant of every program whose charter it holds and
    // the trusted-serviceUrl rows the tenant's conversations use.
    public bool Holds(BackupRow row, IReadOnlyDictionary<string, string> programTenants, ISet<string> serviceUrlKeys)
    {
        var e = row.Entity;
        if (row.Table == StorageTables.ScheduleName
            && !e.PartitionKey.StartsWith(ScheduleStore.DuePrefix, StringComparison.Ordinal))
        {
            return false;
        }
        if (Tenant is null) return true;
        return row.Table switch
        {
            StorageTables.ConversationsName => e.PartitionKey == ConversationStore.PartitionFor(Tenant),
            StorageTables.MembershipsName =>
                e.PartitionKey.StartsWith(MembershipStore.TenantPartitionPrefix(Tenant), StringComparison.Ordinal),
            StorageTables.ProgramsName => programTenants.GetValueOrDefault(ProgramOf(e.PartitionKey)) == Tenant,
            StorageTables.ScheduleName => e.GetString(nameof(ScheduleRow.TenantId)) == Tenant,
            StorageTables.ServiceUrlsName => serviceUrlKeys.Contains(e.RowKey),
            _ => false,
        };
    }

    // The programs whose charter names the tenant (every program for the whole account).
    public async Task<IReadOnlyList<string>> ProgramsAsync(StorageTables tables, CancellationToken cancellationToken)
    {
        var filter = Tenant is null
            ? TableClient.CreateQueryFilter($"RowKey eq {ProgramKeys.Program}")
            : TableClient.CreateQueryFilter($"RowKey eq {ProgramKeys.Program} and TenantId eq {Tenant}");
        var programs = new List<string>();
        await foreach (var row in OrNothingAsync(tables.Programs, filter, ["PartitionKey"], cancellationToken))
        {
            programs.Add(row.PartitionKey);
        }
        return programs;
    }

    // The scope's rows of one table as storage holds them, in key order. Programs: the partitions of the programs
    // given; ServiceUrls: the rows named (ignored for the whole account). A table that does not exist has no rows.
    public async IAsyncEnumerable<TableEntity> RowsAsync(StorageTables tables, string table,
        IReadOnlyList<string> programs, ISet<string> serviceUrlKeys, IEnumerable<string>? select,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var client = tables.Service.GetTableClient(table);
        var (dueFrom, dueTo) = ProgramKeys.Range(ScheduleStore.DuePrefix);
        if (table == StorageTables.ProgramsName && Tenant is not null)
        {
            foreach (var program in programs)
            {
                foreach (var partition in new[]
                {
                    program, ProgramKeys.PlannedPartition(program), ProgramKeys.SnapshotPartition(program),
                })
                {
                    var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition}");
                    await foreach (var row in OrNothingAsync(client, filter, select, cancellationToken))
                    {
                        yield return row;
                    }
                }
            }
            yield break;
        }
        string? query = (table, Tenant) switch
        {
            (StorageTables.ScheduleName, null) =>
                TableClient.CreateQueryFilter($"PartitionKey ge {dueFrom} and PartitionKey lt {dueTo}"),
            (StorageTables.ScheduleName, { } t) => TableClient.CreateQueryFilter(
                $"PartitionKey ge {dueFrom} and PartitionKey lt {dueTo} and TenantId eq {t}"),
            (StorageTables.ConversationsName, { } t) =>
                TableClient.CreateQueryFilter($"PartitionKey eq {ConversationStore.PartitionFor(t)}"),
            (StorageTables.MembershipsName, { } t) => PrefixFilter(MembershipStore.TenantPartitionPrefix(t)),
            (StorageTables.ServiceUrlsName, { }) =>
                TableClient.CreateQueryFilter($"PartitionKey eq {ServiceUrlTrustStore.Partition}"),
            _ => null,
        };
        await foreach (var row in OrNothingAsync(client, query, select, cancellationToken))
        {
            if (table == StorageTables.ServiceUrlsName && Tenant is not null && !serviceUrlKeys.Contains(row.RowKey))
            {
                continue;
            }
            yield return row;
        }
    }

    private static string PrefixFilter(string prefix)
    {
        var (from, to) = ProgramKeys.Range(prefix);
        return TableClient.CreateQueryFilter($"PartitionKey ge {from} and PartitionKey lt {to}");
    }

    // Reads only, so a reader role is enough; a table that does not exist (a new account, nothing written yet)
    // reads as empty instead of being created.
    private static async IAsyncEnumerable<TableEntity> OrNothingAsync(TableClient table, string? filter,
        IEnumerable<string>? select, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var pages = table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select, cancellationToken)
            .AsPages().GetAsyncEnumerator(cancellationToken);
        try
        {
            while (true)
            {
                try
                {
                    if (!await pages.MoveNextAsync()) yield break;
                }
                catch (RequestFailedException e) when (e.Status == 404 && e.ErrorCode == "TableNotFound")
                {
                    yield break;
                }
                foreach (var row in pages.Current.Values) yield return row;
            }
        }
        finally
        {
            await pages.DisposeAsync();
        }
    }
}
