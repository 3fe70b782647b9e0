using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using JourneyBot.Domain;
using JourneyBot.Storage;

namespace JourneyBot.Programs;

public sealed record StoredTouchpoint(Touchpoint Touchpoint, ETag ETag, string? LastEditedBy);

public sealed class TouchpointChangedException(StoredTouchpoint? latest) : Exception("The touchpoint was changed or deleted meanwhile.")
{
    public StoredTouchpoint? Latest { get; } = latest;
}

// Reading one person's touchpoints, and changing or deleting one: conditional on the version the editor saw,
// with the counters moved in the same transaction.
public sealed class TouchpointEdits(StorageTables tables)
{
    private static readonly JsonSerializerOptions Json = ProgramFile.Options;

    private static readonly string From = ProgramKeys.TouchpointPrefix;
    private static readonly string To = ProgramKeys.TouchpointPrefix[..^1] + (char)(ProgramKeys.TouchpointPrefix[^1] + 1);

    public async Task<IReadOnlyList<StoredTouchpoint>> ByAuthorAsync(string programId, string aadObjectId, CancellationToken cancellationToken)
    {
        var list = new List<StoredTouchpoint>();
        await foreach (var row in tables.Programs.QueryAsync<PartRow>(
            e => e.PartitionKey == programId && e.RowKey.CompareTo(From) >= 0 && e.RowKey.CompareTo(To) < 0 && e.CreatedBy == aadObjectId, cancellationToken: cancellationToken))
        {
            list.Add(ToStored(row));
        }
        return list.Where(t => !t.Touchpoint.Retired).OrderByDescending(t => t.Touchpoint.CreatedAt).ToList();
    }

    public async Task<IReadOnlyList<StoredTouchpoint>> AllAsync(string programId, CancellationToken cancellationToken)
    {
        var list = new List<StoredTouchpoint>();
        await foreach (var row in tables.Programs.QueryAsync<PartRow>(
            e => e.PartitionKey == programId && e.RowKey.CompareTo(From) >= 0 && e.RowKey.CompareTo(To) < 0, cancellationToken: cancellationToken))
        {
            list.Add(ToStored(row));
        }
        return list;
    }

    public async Task<StoredTouchpoint?> GetAsync(string programId, string touchpointId, CancellationToken cancellationToken)
    {
        if (!ProgramStore.IsProgramId(touchpointId)) return null;
        var row = await tables.Programs.GetEntityIfExistsAsync<PartRow>(programId, ProgramKeys.Touchpoint(touchpointId), cancellationToken: cancellationToken);
        return row.HasValue ? ToStored(row.Value!) : null;
    }

    public async Task UpdateAsync(string programId, StoredTouchpoint seen, Touchpoint updated, string editor, CancellationToken cancellationToken)
    {
        var row = new PartRow
        {
            PartitionKey = programId, RowKey = ProgramKeys.Touchpoint(updated.Id), Json = JsonSerializer.Serialize(updated, Json),
            CreatedBy = updated.CreatedBy.AadObjectId, LastEditedBy = editor,
        };
        var moved = seen.Touchpoint.StageId != updated.StageId || seen.Touchpoint.DepartmentId != updated.DepartmentId;
        var retired = updated.Retired && !seen.Touchpoint.Retired;
        await SubmitAsync(programId, updated.Id, async () =>
        {
            var actions = new List<TableTransactionAction> { new(TableTransactionActionType.UpdateReplace, row, seen.ETag) };
            // Counters hold active touchpoints: a retired one leaves them, a moved one changes cell.
            if (retired) actions.Add(await MoveCountAsync(programId, seen.Touchpoint, null, cancellationToken));
            else if (moved && !seen.Touchpoint.Retired) actions.Add(await MoveCountAsync(programId, seen.Touchpoint, (updated.StageId, updated.DepartmentId), cancellationToken));
            return actions;
        }, cancellationToken);
    }

    public async Task DeleteAsync(string programId, StoredTouchpoint seen, CancellationToken cancellationToken)
    {
        await SubmitAsync(programId, seen.Touchpoint.Id, async () =>
        [
            new(TableTransactionActionType.Delete, new TableEntity(programId, ProgramKeys.Touchpoint(seen.Touchpoint.Id)), seen.ETag),
            await MoveCountAsync(programId, seen.Touchpoint, null, cancellationToken),
        ], cancellationToken);
    }

    // The author's counter shard with one touchpoint moved to another cell, or removed.
    private async Task<TableTransactionAction> MoveCountAsync(string programId, Touchpoint from, (string Stage, string Department)? to, CancellationToken cancellationToken)
    {
        var key = ProgramStore.CounterShard(from.CreatedBy.AadObjectId);
        var shard = (await tables.Programs.GetEntityAsync<CountersRow>(programId, key, cancellationToken: cancellationToken)).Value;
        var cells = JsonSerializer.Deserialize<Dictionary<string, int>>(shard.CellsJson) ?? [];
        var old = $"{from.StageId}|{from.DepartmentId}";
        cells[old] = Math.Max(0, cells.GetValueOrDefault(old) - 1);
        if (cells[old] == 0) cells.Remove(old);
        if (to is { } cell) cells[$"{cell.Stage}|{cell.Department}"] = cells.GetValueOrDefault($"{cell.Stage}|{cell.Department}") + 1;
        var updated = new CountersRow { PartitionKey = programId, RowKey = key, CellsJson = JsonSerializer.Serialize(cells) };
        return new TableTransactionAction(TableTransactionActionType.UpdateReplace, updated, shard.ETag);
    }

    private async Task SubmitAsync(string programId, string touchpointId, Func<Task<List<TableTransactionAction>>> build, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await tables.Programs.SubmitTransactionAsync(await build(), cancellationToken);
                return;
            }
            catch (TableTransactionFailedException e) when (e.FailedTransactionActionIndex is > 0 && e.Status == 412 && attempt < 5)
            {
                // Only the counters moved on (the author added a touchpoint meanwhile): read them again.
            }
            catch (TableTransactionFailedException e) when (e.Status is 404 or 412)
            {
                throw new TouchpointChangedException(await GetAsync(programId, touchpointId, cancellationToken));
            }
        }
    }

    private static StoredTouchpoint ToStored(PartRow row) => new(JsonSerializer.Deserialize<Touchpoint>(row.Json, Json)!, row.ETag, row.LastEditedBy);
}
