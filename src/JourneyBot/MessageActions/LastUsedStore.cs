using Azure.Data.Tables;
using JourneyBot.Conversations;
using JourneyBot.Storage;

namespace JourneyBot.MessageActions;

// What a person last saved from a message, so the next dialog starts there: the program, its stage, department
// and personas, and whether the message was the customer's words or a pain point. One row per person beside their
// conversation rows (PartitionKey = tenant, RowKey = "l:" + their id): an erasure deletes it with their other
// rows keyed by them, and deleting the program deletes it with the other rows naming the program (ProgramId).
public sealed record LastUsed(
    string ProgramId, string? StageId, string? DepartmentId, string? PersonaIds, string? MessageUse);

public sealed class LastUsedStore(StorageTables tables)
{
    private static string RowKey(string aadObjectId) => "l:" + TableKey.Encode(aadObjectId);

    public async Task<LastUsed?> GetAsync(string tenantId, string aadObjectId, CancellationToken cancellationToken)
    {
        var row = await tables.Conversations.GetEntityIfExistsAsync<TableEntity>(
            ConversationStore.PartitionFor(tenantId), RowKey(aadObjectId), cancellationToken: cancellationToken);
        if (!row.HasValue || row.Value!.GetString(nameof(LastUsed.ProgramId)) is not { Length: > 0 } programId)
        {
            return null;
        }
        var r = row.Value;
        return new LastUsed(programId, r.GetString(nameof(LastUsed.StageId)),
            r.GetString(nameof(LastUsed.DepartmentId)), r.GetString(nameof(LastUsed.PersonaIds)),
            r.GetString(nameof(LastUsed.MessageUse)));
    }

    // The person's own row, written by their own saves: the last one wins, nothing to merge.
    public Task SetAsync(string tenantId, string aadObjectId, LastUsed used, CancellationToken cancellationToken) =>
        tables.Conversations.UpsertEntityAsync(
            new TableEntity(ConversationStore.PartitionFor(tenantId), RowKey(aadObjectId))
        {
            [nameof(LastUsed.ProgramId)] = used.ProgramId,
            [nameof(LastUsed.StageId)] = used.StageId,
            [nameof(LastUsed.DepartmentId)] = used.DepartmentId,
            [nameof(LastUsed.PersonaIds)] = used.PersonaIds,
            [nameof(LastUsed.MessageUse)] = used.MessageUse,
        }, TableUpdateMode.Replace, cancellationToken);
}
