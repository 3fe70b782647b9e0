using JourneyBot.Deletion;
using JourneyBot.Programs;
using JourneyBot.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyBot.Admin;

// `delete-program --tenant <id> --program <id>`: the program's rows go at once (ProgramRemoval says in which
// order, and why running it again after a failure finishes the job).
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

        var removed = await ProgramTransfer.Storage(() =>
            ProgramRemoval.RemoveAsync(tables, tenantId, programId, CancellationToken.None));
        await stdout.WriteLineAsync(
            $"Deleted program '{programId}' ({header.Charter.Name}) of tenant '{tenantId}': " +
            $"{removed.Rows} rows of its own, {removed.Snapshots} snapshot rows, {removed.Planned} planned markers, " +
            $"{removed.Memberships} memberships, {removed.ActiveIn} conversations' choice of it, " +
            $"{removed.Sends} scheduled sends, its nudges in {removed.Digests} digests.");
        return 0;
    }
}
