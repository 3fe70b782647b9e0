using System.Globalization;
using Azure;
using Azure.Data.Tables;
using JourneyBot.Domain;
using JourneyBot.Programs;
using JourneyBot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyBot.Admin;

// `import --replace <backup> [--tenant <id>]`: storage ends up holding what the backup holds, for the scope restored
// (one tenant, or — from a backup of the whole account without --tenant — every tenant): each row of the backup
// written as it was (replacing a row with the same keys), then every row of that scope the backup does not hold
// deleted. A restore, not a merge. Other tenants' rows, idempotency records and the instances' heartbeats are not
// touched, nor, restoring one tenant, the trusted serviceUrls other tenants share. The whole file is checked first;
// a bad file or a program id another tenant owns here stops it before anything is written. Every step is
// idempotent, so a run that failed half-way is finished by running it again.
public static class BackupRestore
{
    private const int BatchRows = 100;
    // An entity-group transaction carries at most 4 MiB; what a row weighs on the wire is estimated on the high side.
    private const long BatchBytes = 2L * 1024 * 1024;

    public static async Task<int> RunAsync(IReadOnlyDictionary<string, string> options, TextWriter stdout,
        TimeProvider clock)
    {
        var source = options["--replace"];
        await using var services = await ProgramTransfer.ServicesAsync(clock, createTables: false);
        if (!BackupBlob.IsUrl(source)) return await RestoreAsync(source, source, options, services, stdout);
        // A backup in a blob container is read from a copy here: it is read twice, checked first.
        var copy = Path.Combine(Path.GetTempPath(), $"journeybot-restore-{Guid.NewGuid():N}");
        try
        {
            await BackupBlob.DownloadAsync(
                BackupBlob.Source(source, services.GetRequiredService<IConfiguration>()), copy);
            return await RestoreAsync(copy, BackupBlob.Shown(source), options, services, stdout);
        }
        finally
        {
            File.Delete(copy);
        }
    }

    private static async Task<int> RestoreAsync(string path, string name, IReadOnlyDictionary<string, string> options,
        ServiceProvider services, TextWriter stdout)
    {
        if (!File.Exists(path)) throw new ProgramTransferException($"{name}: no such file. Nothing was restored.", 2);
        BackupContents contents;
        try
        {
            contents = await BackupFile.ValidateAsync(path, options.GetValueOrDefault("--tenant"), name);
        }
        catch (BackupFormatException e)
        {
            throw new ProgramTransferException($"{e.Message} Nothing was restored.", 2);
        }
        var scope = contents.Scope;
        if (!scope.WholeAccount && contents.RowsInScope == 0)
        {
            throw new ProgramTransferException(
                $"The backup holds nothing of tenant '{scope.Tenant}'. Nothing was restored.", 2);
        }
        var tables = services.GetRequiredService<StorageTables>();
        if (!scope.WholeAccount) await ProgramTransfer.Storage(() => RefuseOtherTenantsProgramsAsync(tables, contents));

        var taken = contents.Header.TakenAt.UtcDateTime
            .ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        await stdout.WriteLineAsync($"Restoring {scope.Describe()} from the backup taken {taken}: rows of " +
            $"{scope.Describe()} that are not in the backup are deleted" +
            (scope.WholeAccount ? "." : "; other tenants' rows and the shared trusted serviceUrls are not touched."));
        await ProgramTransfer.Storage(async () =>
        {
            foreach (var name in StorageTables.All) await tables.Service.CreateTableIfNotExistsAsync(name);
        });
        var written = await ProgramTransfer.Storage(() => WriteAsync(tables, path, contents));
        var deleted = await ProgramTransfer.Storage(() => DeleteOthersAsync(tables, scope, written));
        foreach (var table in BackupFormat.Tables)
        {
            await stdout.WriteLineAsync($"  {table}: {Words.Count(written[table].Count, "row")} written, " +
                $"{deleted.GetValueOrDefault(table):N0} deleted (not in the backup).");
        }
        await stdout.WriteLineAsync($"Restored {scope.Describe()}.");
        return 0;
    }

    // Restoring one tenant never takes over another's program: the same program id there stops the restore.
    private static async Task RefuseOtherTenantsProgramsAsync(StorageTables tables, BackupContents contents)
    {
        foreach (var (program, tenant) in contents.ProgramTenants.Where(p => p.Value == contents.Scope.Tenant))
        {
            var here = await OrNull(() => tables.Programs.GetEntityIfExistsAsync<TableEntity>(program,
                ProgramKeys.Program, select: [nameof(ProgramRow.TenantId)]));
            var owner = here is { HasValue: true } ? here.Value!.GetString(nameof(ProgramRow.TenantId)) : null;
            if (owner is not null && owner != tenant)
            {
                throw new ProgramTransferException(
                    $"Program '{program}' belongs to tenant '{owner}' in this storage; " +
                    $"restoring tenant '{tenant}' would replace it. Nothing was restored.", 2);
            }
        }
    }

    // The rows of the scope, in file order, an entity-group transaction per run of rows of one partition. A
    // program's charter row goes last in its partition, so a program shows only once its touchpoints, actions and
    // reviews are all back (its snapshots and planned markers follow; the schedule, which sends, comes last).
    private static async Task<Dictionary<string, HashSet<string>>> WriteAsync(StorageTables tables, string path,
        BackupContents contents)
    {
        var written = BackupFormat.Tables.ToDictionary(t => t, _ => new HashSet<string>(StringComparer.Ordinal));
        var batch = new List<TableEntity>();
        long batchBytes = 0;
        TableEntity? charter = null;
        string? table = null;
        string? partition = null;

        async Task SubmitAsync()
        {
            if (batch.Count == 0) return;
            await tables.Service.GetTableClient(table).SubmitTransactionAsync(
                batch.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)));
            foreach (var e in batch) written[table!].Add(Key(e));
            batch.Clear();
            batchBytes = 0;
        }

        async Task AddAsync(TableEntity entity)
        {
            var bytes = Weight(entity);
            if (batch.Count == BatchRows || (batch.Count > 0 && batchBytes + bytes > BatchBytes)) await SubmitAsync();
            batch.Add(entity);
            batchBytes += bytes;
        }

        async Task EndPartitionAsync()
        {
            if (charter is not null) await AddAsync(charter);
            charter = null;
            await SubmitAsync();
        }

        await foreach (var row in BackupFile.RowsAsync(path))
        {
            if (!contents.Scope.Holds(row, contents.ProgramTenants, contents.ServiceUrlKeys)) continue;
            var entity = row.Entity;
            if (row.Table != table || entity.PartitionKey != partition)
            {
                await EndPartitionAsync();
                (table, partition) = (row.Table, entity.PartitionKey);
            }
            if (row.Table == StorageTables.ProgramsName && entity.RowKey == ProgramKeys.Program) charter = entity;
            else await AddAsync(entity);
        }
        await EndPartitionAsync();
        return written;
    }

    // Every row of the scope that the backup did not bring, the schedule first (nothing is sent for what goes),
    // then who sees what, and a program's partitions with its snapshot headers first and its charter last.
    private static async Task<Dictionary<string, long>> DeleteOthersAsync(StorageTables tables, BackupScope scope,
        Dictionary<string, HashSet<string>> written)
    {
        var deleted = new Dictionary<string, long>(StringComparer.Ordinal);
        var programs = await scope.ProgramsAsync(tables, CancellationToken.None);
        string[] order =
        [
            StorageTables.ScheduleName, StorageTables.MembershipsName, StorageTables.ConversationsName,
            StorageTables.ProgramsName, StorageTables.ServiceUrlsName,
        ];
        foreach (var table in order)
        {
            // Shared by every tenant: only a restore of the whole account decides which are trusted.
            if (table == StorageTables.ServiceUrlsName && !scope.WholeAccount) continue;
            var others = new List<TableEntity>();
            await foreach (var row in scope.RowsAsync(tables, table, programs, new HashSet<string>(),
                ["PartitionKey", "RowKey"], CancellationToken.None))
            {
                if (!written[table].Contains(Key(row))) others.Add(row);
            }
            var client = tables.Service.GetTableClient(table);
            foreach (var partition in others.GroupBy(r => r.PartitionKey))
            {
                var keys = partition.Select(r => r.RowKey).OrderBy(DeleteRank).ThenBy(k => k, StringComparer.Ordinal);
                foreach (var chunk in keys.Chunk(BatchRows)) await DeleteAsync(client, partition.Key, chunk);
            }
            deleted[table] = others.Count;
        }
        return deleted;
    }

    private static int DeleteRank(string rowKey) =>
        rowKey.StartsWith(ProgramKeys.SnapshotHeadPrefix, StringComparison.Ordinal) ? 0
        : rowKey == ProgramKeys.Program ? 2 : 1;

    // A transaction is all or nothing, so the order that matters is between transactions: headers in the first,
    // the charter in the last.
    private static async Task DeleteAsync(TableClient table, string partition, IReadOnlyList<string> rowKeys)
    {
        try
        {
            await table.SubmitTransactionAsync(rowKeys.Select(k => new TableTransactionAction(
                TableTransactionActionType.Delete, new TableEntity(partition, k), ETag.All)));
        }
        catch (TableTransactionFailedException)
        {
            // One row gone meanwhile (the app, a run before) fails the batch: one by one, then.
            foreach (var key in rowKeys) await DeleteIfThereAsync(table, partition, key);
        }
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

    private static async Task<NullableResponse<T>?> OrNull<T>(Func<Task<NullableResponse<T>>> read)
    {
        try
        {
            return await read();
        }
        catch (RequestFailedException e) when (e.Status == 404 && e.ErrorCode == "TableNotFound")
        {
            return null;
        }
    }

    private static string Key(TableEntity e) => e.PartitionKey + "\n" + e.RowKey;

    private static long Weight(TableEntity entity) => 512 + entity.Sum(p => p.Value switch
    {
        string s => 64L + s.Length * 6L,
        byte[] b => 64L + b.Length * 4L / 3,
        _ => 96L,
    });
}
