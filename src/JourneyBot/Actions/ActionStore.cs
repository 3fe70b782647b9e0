using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using JourneyBot.Domain;
using JourneyBot.Programs;

namespace JourneyBot.Actions;

public sealed record StoredAction(ImprovementAction Action, ETag ETag);

// Improvement actions live in the program's partition ("action|" + id); the form id is the action id, so a
// double-clicked save creates one action, and status changes are conditional on the version read.
public sealed class ActionStore(Storage.StorageTables tables)
{
    private static readonly JsonSerializerOptions Json = ProgramFile.Options;

    // False when an action with this id exists already.
    public async Task<bool> AddAsync(string programId, ImprovementAction action, string createdBy, CancellationToken cancellationToken)
    {
        try
        {
            await tables.Programs.AddEntityAsync(new PartRow { PartitionKey = programId, RowKey = ProgramKeys.Action(action.Id), Json = JsonSerializer.Serialize(action, Json), CreatedBy = createdBy }, cancellationToken);
            await tables.Programs.MarkChangedAsync(programId);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    public async Task<StoredAction?> GetAsync(string programId, string actionId, CancellationToken cancellationToken)
    {
        if (!PlainId.IsValid(actionId)) return null;
        var row = await tables.Programs.GetEntityIfExistsAsync<PartRow>(programId, ProgramKeys.Action(actionId), cancellationToken: cancellationToken);
        return row.HasValue ? new StoredAction(JsonSerializer.Deserialize<ImprovementAction>(row.Value!.Json, Json)!, row.Value.ETag) : null;
    }

    // False when someone changed the action meanwhile.
    public async Task<bool> UpdateAsync(string programId, StoredAction seen, ImprovementAction updated, string editor, CancellationToken cancellationToken)
    {
        try
        {
            await tables.Programs.UpdateEntityAsync(new TableEntity(programId, ProgramKeys.Action(updated.Id))
            {
                [nameof(PartRow.Json)] = JsonSerializer.Serialize(updated, Json), [nameof(PartRow.LastEditedBy)] = editor,
            }, seen.ETag, TableUpdateMode.Merge, cancellationToken);
            await tables.Programs.MarkChangedAsync(programId);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            return false;
        }
    }
}
