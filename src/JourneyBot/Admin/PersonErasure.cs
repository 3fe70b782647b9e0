using System.Text.Json;
using Azure.Data.Tables;
using JourneyBot.Domain;
using JourneyBot.Map;
using JourneyBot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace JourneyBot.Admin;

// `erase-person --tenant <id> --aad <object id>`: the person's object id and name leave every table of the tenant,
// replaced by the erased-person marker (ErasedPerson) so counts and history still add up. First every row is read
// to learn what to look for (the names their person records carry, their personal chats); that goes into a journal
// row, so a run that stops half-way still knows the names when run again, after the rows that carried them have been
// rewritten. Then each table is changed, the charters first, and the journal goes last.
public static class PersonErasure
{
    private const string JournalPartition = "erasure|journal";

    public static async Task<int> EraseAsync(IReadOnlyDictionary<string, string> options, TextWriter stdout,
        TextWriter stderr, TimeProvider clock)
    {
        var tenantId = Checked(options["--tenant"], "--tenant");
        var aad = Checked(options["--aad"], "--aad");
        if (ErasedPerson.Is(aad))
        {
            throw new AdminCommandLine.AdminUsageException($"'{aad}' is an erased person's marker already.\n" +
                AdminCommandLine.Usage);
        }
        await using var services = await ProgramTransfer.ServicesAsync(clock);
        var tables = services.GetRequiredService<StorageTables>();
        var store = new MapSnapshotStore(tables, NullLogger<MapSnapshotStore>.Instance);
        var person = new PersonText(aad, ErasedPerson.For(tenantId, aad));
        var scope = new ErasureScope(tenantId, person, clock.GetUtcNow());
        var marker = person.Marker.AadObjectId;

        var programs = await ProgramTransfer.Storage(() => ErasurePasses.TenantProgramsAsync(tables, tenantId));
        var journal = await ProgramTransfer.Storage(() => ReadJournalAsync(tables, marker, scope));
        var (mentioned, markerSeen) = await ProgramTransfer.Storage(() =>
            ErasurePasses.FindAsync(tables, programs, scope));
        if (!mentioned && !journal)
        {
            if (!markerSeen)
            {
                throw new ProgramTransferException(
                    $"No row of tenant '{tenantId}' mentions '{aad}'. Nothing was changed.", 2);
            }
            await stdout.WriteLineAsync(
                $"'{aad}' of tenant '{tenantId}' was erased already (as {marker}); nothing to change.");
            return 0;
        }
        await ProgramTransfer.Storage(() => WriteJournalAsync(tables, marker, scope));

        var report = new ErasureReport(programs.Count);
        foreach (var programId in programs)
        {
            report.Programs += await ProgramTransfer.Storage(() =>
                ErasurePasses.ProgramAsync(tables, programId, scope));
            var (rewritten, chunks) = await ProgramTransfer.Storage(() =>
                ErasurePasses.SnapshotsAsync(tables, store, programId, scope));
            report.Snapshots += rewritten;
            report.StaleChunks += chunks;
        }
        report.Schedule = await ProgramTransfer.Storage(() => ErasurePasses.ScheduleAsync(tables, scope));
        report.Memberships = await ProgramTransfer.Storage(() => ErasurePasses.MembershipsAsync(tables, scope));
        report.Conversations = await ProgramTransfer.Storage(() => ErasurePasses.ConversationsAsync(tables, scope));
        report.Idempotency = await ProgramTransfer.Storage(() =>
            ErasurePasses.WholeTableAsync(tables.Idempotency, scope.IdempotencyRow));
        report.ServiceUrls = await ProgramTransfer.Storage(() =>
            ErasurePasses.WholeTableAsync(tables.ServiceUrls, r => scope.Generic(r, rekey: false)));

        await stdout.WriteLineAsync($"Erased '{aad}' of tenant '{tenantId}': " +
            $"now {marker} (\"{ErasedPerson.DisplayName}\"), " +
            $"{Words.Count(person.Names.Count, "name")} of theirs looked for.");
        foreach (var line in report.Lines()) await stdout.WriteLineAsync("  " + line);
        var left = report.Failed + scope.InFlight.Count;
        if (left > 0)
        {
            await stderr.WriteLineAsync($"{Words.Count(left, "row")} could not be changed yet (changed " +
                "meanwhile, or a send in progress). Run erase-person again to finish.");
            return 1;
        }
        await ProgramTransfer.Storage(() => tables.Programs.DeleteEntityAsync(JournalPartition, marker));
        return 0;
    }

    private static string Checked(string value, string option)
    {
        var trimmed = value.Trim();
        if (trimmed.Length is 0 or > 256 || trimmed.Any(char.IsControl))
        {
            throw new AdminCommandLine.AdminUsageException($"{option} needs an id.\n{AdminCommandLine.Usage}");
        }
        return trimmed;
    }

    // Keyed by the marker, never by the object id; it holds the names and chats until the erasure is complete.
    private static async Task<bool> ReadJournalAsync(StorageTables tables, string marker, ErasureScope scope)
    {
        var row = await tables.Programs.GetEntityIfExistsAsync<TableEntity>(JournalPartition, marker);
        if (!row.HasValue) return false;
        foreach (var name in List(row.Value!.GetString("Names"))) scope.Person.AddName(name);
        foreach (var chat in List(row.Value!.GetString("Chats"))) scope.Chats.Add(chat);
        return true;
    }

    private static Task WriteJournalAsync(StorageTables tables, string marker, ErasureScope scope) =>
        tables.Programs.UpsertEntityAsync(new TableEntity(JournalPartition, marker)
        {
            ["TenantId"] = scope.TenantId,
            ["Names"] = JsonSerializer.Serialize(scope.Person.Names),
            ["Chats"] = JsonSerializer.Serialize(scope.Chats),
        }, TableUpdateMode.Replace);

    private static string[] List(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<string[]>(json) ?? [];
}
