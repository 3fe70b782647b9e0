using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using JourneyBot.Conversations;
using JourneyBot.Domain;
using JourneyBot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyBot.Admin;

// `export --all [--tenant <id>] --out <file, folder or blob container URL>`: every row JourneyBot needs to come back
// (see BackupFormat), of the whole account or of one tenant. It only reads — no table is created, not even a missing
// one — so a backup job runs with the Storage Table Data Reader role. The file is written beside its final name and
// renamed when complete, so a backup that failed half-way never passes for one.
public static class BackupExport
{
    public static async Task<int> RunAsync(IReadOnlyDictionary<string, string> options, TextWriter stdout,
        TimeProvider clock)
    {
        var scope = new BackupScope(options.GetValueOrDefault("--tenant"));
        await using var services = await ProgramTransfer.ServicesAsync(clock, createTables: false);
        var tables = services.GetRequiredService<StorageTables>();
        var name = FileName(scope, clock.GetUtcNow());
        // A blob is written from a file of its own here, uploaded once whole.
        var blob = BackupBlob.IsUrl(options["--out"])
            ? BackupBlob.Target(options["--out"], name, services.GetRequiredService<IConfiguration>())
            : null;
        var path = blob is null
            ? OutputPath(options["--out"], name)
            : Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}-{Path.GetFileName(blob.Name)}");
        var partial = path + ".partial";
        Dictionary<string, long> counts;
        int programs;
        try
        {
            (counts, programs) = await ProgramTransfer.Storage(() => WriteAsync(tables, scope, partial, clock));
            if (scope.Tenant is not null && counts.Values.Sum() == 0)
            {
                throw new ProgramTransferException($"No tenant '{scope.Tenant}' in this storage: no programs, " +
                    "memberships, conversations or scheduled sends name it. No backup was written.", 2);
            }
            File.Move(partial, path, overwrite: true);
            if (blob is not null) await BackupBlob.UploadAsync(blob, path);
        }
        finally
        {
            File.Delete(partial);
            if (blob is not null) File.Delete(path);
        }
        var perTable = string.Join(", ", BackupFormat.Tables.Select(t => $"{t} {counts[t]:N0}"));
        var shown = blob is null ? path : BackupBlob.Shown(blob.Uri.ToString());
        await stdout.WriteLineAsync($"Backed up {scope.Describe()} ({Words.Count(programs, "program")}) to {shown}: " +
            $"{Words.Count((int)counts.Values.Sum(), "row")} ({perTable}).");
        return 0;
    }

    // A folder gets a file named for the time and scope; a name ending in .gz is gzipped.
    private static string OutputPath(string @out, string name)
    {
        if (!Directory.Exists(@out) && !@out.EndsWith('/') && !@out.EndsWith(Path.DirectorySeparatorChar))
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(@out))!;
            if (!Directory.Exists(folder)) throw new ProgramTransferException($"--out: no folder {folder}.", 2);
            return @out;
        }
        Directory.CreateDirectory(@out);
        return Path.Combine(@out, name);
    }

    private static string FileName(BackupScope scope, DateTimeOffset now)
    {
        var tenant = scope.Tenant is null ? "" : "-" + string.Concat(scope.Tenant.Select(c =>
            char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_'));
        var stamp = now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        return $"journeybot-backup-{stamp}{tenant}.ndjson.gz";
    }

    private static async Task<(Dictionary<string, long> Counts, int Programs)> WriteAsync(StorageTables tables,
        BackupScope scope, string path, TimeProvider clock)
    {
        await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16,
            useAsync: true);
        await using Stream output = path.EndsWith(".gz.partial", StringComparison.OrdinalIgnoreCase)
            ? new GZipStream(file, CompressionLevel.Fastest)
            : file;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        async Task WriteLineAsync(byte[] line)
        {
            hash.AppendData(line);
            await output.WriteAsync(line);
        }

        await WriteLineAsync(BackupFormat.Header(new BackupHeader(clock.GetUtcNow(), scope.Tenant)));
        var programs = await scope.ProgramsAsync(tables, CancellationToken.None);
        var counts = BackupFormat.Tables.ToDictionary(t => t, _ => 0L, StringComparer.Ordinal);
        // Conversations come first: they name the serviceUrls one tenant's backup keeps.
        var serviceUrls = new HashSet<string>(StringComparer.Ordinal);
        foreach (var table in BackupFormat.Tables)
        {
            var rows = scope.RowsAsync(tables, table, programs, serviceUrls, null, CancellationToken.None);
            await foreach (var row in rows)
            {
                if (table == StorageTables.ConversationsName
                    && row.GetString(nameof(ConversationRow.ServiceUrl)) is { Length: > 0 } serviceUrl)
                {
                    serviceUrls.Add(ServiceUrlTrustStore.RowKeyFor(serviceUrl));
                }
                await WriteLineAsync(BackupFormat.Row(table, row));
                counts[table]++;
            }
        }
        var digest = Convert.ToHexStringLower(hash.GetHashAndReset());
        await output.WriteAsync(BackupFormat.Trailer(counts, digest));
        return (counts, programs.Count);
    }
}
