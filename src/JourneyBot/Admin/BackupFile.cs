using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using JourneyBot.Conversations;
using JourneyBot.Programs;
using JourneyBot.Storage;

namespace JourneyBot.Admin;

// What reading a whole backup found out, before anything is written.
public sealed record BackupContents(
    BackupHeader Header,
    BackupScope Scope,
    IReadOnlyDictionary<string, long> Rows,
    // The tenant each program's charter row names.
    IReadOnlyDictionary<string, string> ProgramTenants,
    // The trusted-serviceUrl rows the conversations of the restored scope use.
    ISet<string> ServiceUrlKeys,
    long RowsInScope);

// Reading a backup file (plain or gzipped NDJSON, see BackupFormat): first all of it, checking every line, the row
// counts and the checksum; then, only if all is well, its rows again for the restore. Memory holds keys, not rows.
public static class BackupFile
{
    // tenant: the one to restore (null: what the backup holds, one tenant or the whole account).
    // name: what messages call the file (the blob it was copied from).
    public static async Task<BackupContents> ValidateAsync(string path, string? tenant, string? name = null)
    {
        var shown = name ?? path;
        BackupHeader? header = null;
        BackupScope? scope = null;
        BackupTrailer? trailer = null;
        var counts = BackupFormat.Tables.ToDictionary(t => t, _ => 0L, StringComparer.Ordinal);
        var keys = BackupFormat.Tables.ToDictionary(t => t, _ => new HashSet<string>(StringComparer.Ordinal));
        var programTenants = new Dictionary<string, string>(StringComparer.Ordinal);
        // Programs partitions with the line each starts on and its rows: their tenant is known at the end.
        var programPartitions = new Dictionary<string, (long Line, long Rows)>(StringComparer.Ordinal);
        var serviceUrlKeys = new HashSet<string>(StringComparer.Ordinal);
        long inScope = 0;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long number = 0;
        try
        {
            await foreach (var line in LinesAsync(path))
            {
                number++;
                if (trailer is not null) throw new BackupFormatException("there is more after the end line");
                if (header is null)
                {
                    header = BackupFormat.ReadHeader(line);
                    if (tenant is not null && header.Tenant is not null && tenant != header.Tenant)
                    {
                        throw new BackupFormatException($"this is a backup of tenant '{header.Tenant}', " +
                            $"not of tenant '{tenant}'");
                    }
                    scope = new BackupScope(tenant ?? header.Tenant);
                    Hash(hash, line);
                    continue;
                }
                var row = BackupFormat.ReadRowOrTrailer(line, out trailer);
                if (row is null) continue;
                Hash(hash, line);
                var e = row.Entity;
                if (!keys[row.Table].Add(e.PartitionKey + "\n" + e.RowKey))
                {
                    throw new BackupFormatException($"row {row.Table} '{e.PartitionKey}' '{e.RowKey}' appears twice");
                }
                counts[row.Table]++;
                if (row.Table == StorageTables.ProgramsName)
                {
                    var (first, rows) = programPartitions.GetValueOrDefault(e.PartitionKey, (number, 0));
                    programPartitions[e.PartitionKey] = (first, rows + 1);
                    if (e.RowKey == ProgramKeys.Program)
                    {
                        programTenants[e.PartitionKey] = e.GetString(nameof(ProgramRow.TenantId)) ?? "";
                    }
                    continue;
                }
                // Trusted serviceUrls are shared; every other row names its tenant itself.
                if (header.Tenant is not null && row.Table != StorageTables.ServiceUrlsName
                    && !scope!.Holds(row, programTenants, serviceUrlKeys))
                {
                    throw new BackupFormatException(
                        $"a {row.Table} row of another tenant in a backup of tenant '{header.Tenant}'");
                }
                if (row.Table == StorageTables.ConversationsName && scope!.Holds(row, programTenants, serviceUrlKeys)
                    && e.GetString(nameof(ConversationRow.ServiceUrl)) is { Length: > 0 } serviceUrl)
                {
                    serviceUrlKeys.Add(ServiceUrlTrustStore.RowKeyFor(serviceUrl));
                }
                if (row.Table != StorageTables.ServiceUrlsName && scope!.Holds(row, programTenants, serviceUrlKeys))
                {
                    inScope++;
                }
            }
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or DecoderFallbackException)
        {
            throw Located(shown, number + 1, $"the file cannot be read ({e.Message})");
        }
        catch (BackupFormatException e)
        {
            throw Located(shown, number, e.Message);
        }
        if (header is null) throw new BackupFormatException($"{shown}: the file is empty, not a backup.");
        if (trailer is null)
        {
            throw new BackupFormatException($"{shown}: the file is cut short: it stops after line {number:N0} " +
                "without the end line (the backup did not finish, or the copy is incomplete).");
        }
        foreach (var table in BackupFormat.Tables.Where(t => trailer.Rows.GetValueOrDefault(t) != counts[t]))
        {
            var counted = trailer.Rows.GetValueOrDefault(table);
            throw new BackupFormatException($"{shown}: the end line counts {counted:N0} " +
                $"{table} rows, the file holds {counts[table]:N0}.");
        }
        if (!string.Equals(trailer.Sha256, Convert.ToHexStringLower(hash.GetHashAndReset()), StringComparison.Ordinal))
        {
            throw new BackupFormatException($"{shown}: the checksum does not match: the file was changed or damaged " +
                "after it was written.");
        }
        // Rows of a program belong to the tenant its charter names; a backup of one tenant holds no other's.
        foreach (var (partition, (line, rows)) in programPartitions)
        {
            var owner = programTenants.GetValueOrDefault(BackupScope.ProgramOf(partition));
            if (header.Tenant is not null && owner != header.Tenant)
            {
                throw Located(shown, line, $"Programs partition '{partition}' is not of a program of tenant " +
                    $"'{header.Tenant}' in this backup");
            }
            if (scope!.WholeAccount || owner == scope.Tenant) inScope += rows;
        }
        return new BackupContents(header, scope!, counts, programTenants, serviceUrlKeys, inScope);
    }

    // The rows of the file (already validated), in file order.
    public static async IAsyncEnumerable<BackupRow> RowsAsync(string path)
    {
        var first = true;
        await foreach (var line in LinesAsync(path))
        {
            if (first)
            {
                first = false;
                continue;
            }
            if (BackupFormat.ReadRowOrTrailer(line, out _) is { } row) yield return row;
        }
    }

    private static BackupFormatException Located(string path, long line, string message) =>
        new($"{path}: line {line:N0}: {message}.");

    private static void Hash(IncrementalHash hash, string line)
    {
        hash.AppendData(Encoding.UTF8.GetBytes(line));
        hash.AppendData("\n"u8);
    }

    private static async IAsyncEnumerable<string> LinesAsync(string path,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16,
            useAsync: true);
        var magic = new byte[2];
        var gzipped = await file.ReadAtLeastAsync(magic, 2, throwOnEndOfStream: false, cancellationToken) == 2
            && magic[0] == 0x1f && magic[1] == 0x8b;
        file.Position = 0;
        await using Stream input = gzipped ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new StreamReader(input, new UTF8Encoding(false, throwOnInvalidBytes: true));
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length > 0) yield return line;
        }
    }
}
