using JourneyBot.Programs;
using JourneyBot.Scheduling;
using JourneyBot.Storage;
using Microsoft.Extensions.Logging;

namespace JourneyBot.Deletion;

// Carries out a deletion whose day of grace has passed, unless it was undone (or undone and asked again, which
// gives the request a later time than this item's).
public sealed class DeletionWork(DeletionRequests requests, ProgramStore programs, StorageTables tables,
    ILogger<DeletionWork> log) : IScheduledWork
{
    public string Kind => DeletionRequests.Kind;

    public async Task<WorkResult> RunAsync(ScheduledItem item, CancellationToken cancellationToken)
    {
        if (DeletionRequests.ProgramOf(item.Payload) is not { } programId) return WorkResult.Done;
        var dueAt = await requests.DueAtAsync(programId, cancellationToken);
        if (dueAt is null || dueAt.Value > item.DueAt) return WorkResult.Done;
        if (await programs.LoadHeaderAsync(item.TenantId, programId, cancellationToken) is null) return WorkResult.Done;
        var removed = await ProgramRemoval.RemoveAsync(tables, item.TenantId, programId, cancellationToken);
        log.LogInformation("Deleted program {ProgramId} of tenant {TenantId} as its owner asked: {Removed}",
            programId, item.TenantId, removed);
        return WorkResult.Done;
    }
}
