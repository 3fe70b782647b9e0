using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using JourneyBot.Domain;
using JourneyBot.Programs;
using JourneyBot.Storage;

namespace JourneyBot.Touchpoints;

public sealed record StoredTouchpoint(Touchpoint Touchpoint, ETag ETag, string? LastEditedBy);

public sealed class TouchpointChangedException(StoredTouchpoint? latest) : Exception("The touchpoint was changed or deleted meanwhile.")
{
    public StoredTouchpoint? Latest { get; } = latest;
}

// Touchpoint rows in their program's partition. The form id is the touchpoint id, so a double-clicked or
// redelivered save adds one row; every change and delete is conditional on the version the editor saw.
public sealed class TouchpointStore(StorageTables tables)
{
    private static readonly JsonSerializerOptions Json = ProgramFile.Options;

    private static readonly (string From, string To) Rows = ProgramKeys.Range(ProgramKeys.TouchpointPrefix);

    // The stored touchpoint, or null when this id was saved before (the caller decides what that means).
    public async Task<StoredTouchpoint?> AddAsync(string programId, Touchpoint touchpoint, CancellationToken cancellationToken)
    {
        var row = Row(programId, touchpoint, editor: null);
        try
        {
            var response = await tables.Programs.AddEntityAsync(row, cancellationToken);
            await tables.Programs.MarkChangedAsync(programId);
            return new StoredTouchpoint(touchpoint, response.Headers.ETag ?? default, null);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return null;
        }
    }

    public async Task<IReadOnlyList<StoredTouchpoint>> ByAuthorAsync(string programId, string aadObjectId, CancellationToken cancellationToken)
    {
        var list = new List<StoredTouchpoint>();
        await foreach (var row in tables.Programs.QueryAsync<PartRow>(
            e => e.PartitionKey == programId && e.RowKey.CompareTo(Rows.From) >= 0 && e.RowKey.CompareTo(Rows.To) < 0 && e.CreatedBy == aadObjectId, cancellationToken: cancellationToken))
        {
            list.Add(ToStored(row));
        }
        return list.Where(t => !t.Touchpoint.Retired).OrderByDescending(t => t.Touchpoint.CreatedAt).ToList();
    }

    public async Task<IReadOnlyList<StoredTouchpoint>> AllAsync(string programId, CancellationToken cancellationToken)
    {
        var list = new List<StoredTouchpoint>();
        await foreach (var row in tables.Programs.QueryAsync<PartRow>(
            e => e.PartitionKey == programId && e.RowKey.CompareTo(Rows.From) >= 0 && e.RowKey.CompareTo(Rows.To) < 0, cancellationToken: cancellationToken))
        {
            list.Add(ToStored(row));
        }
        return list;
    }

    public async Task<StoredTouchpoint?> GetAsync(string programId, string touchpointId, CancellationToken cancellationToken)
    {
        if (!PlainId.IsValid(touchpointId)) return null;
        var row = await tables.Programs.GetEntityIfExistsAsync<PartRow>(programId, ProgramKeys.Touchpoint(touchpointId), cancellationToken: cancellationToken);
        return row.HasValue ? ToStored(row.Value!) : null;
    }

    public async Task<StoredTouchpoint> UpdateAsync(string programId, StoredTouchpoint seen, Touchpoint updated, string editor, CancellationToken cancellationToken)
    {
        try
        {
            var response = await tables.Programs.UpdateEntityAsync(Row(programId, updated, editor), seen.ETag, TableUpdateMode.Replace, cancellationToken);
            await tables.Programs.MarkChangedAsync(programId);
            return new StoredTouchpoint(updated, response.Headers.ETag ?? default, editor);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            throw new TouchpointChangedException(await GetAsync(programId, updated.Id, cancellationToken));
        }
    }

    public async Task DeleteAsync(string programId, StoredTouchpoint seen, CancellationToken cancellationToken)
    {
        try
        {
            await tables.Programs.DeleteEntityAsync(programId, ProgramKeys.Touchpoint(seen.Touchpoint.Id), seen.ETag, cancellationToken);
            await tables.Programs.MarkChangedAsync(programId);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            throw new TouchpointChangedException(await GetAsync(programId, seen.Touchpoint.Id, cancellationToken));
        }
    }

    private static PartRow Row(string programId, Touchpoint touchpoint, string? editor) => new()
    {
        PartitionKey = programId, RowKey = ProgramKeys.Touchpoint(touchpoint.Id), Json = JsonSerializer.Serialize(touchpoint, Json),
        CreatedBy = touchpoint.CreatedBy.AadObjectId, LastEditedBy = editor,
    };

    private static StoredTouchpoint ToStored(PartRow row) => new(JsonSerializer.Deserialize<Touchpoint>(row.Json, Json)!, row.ETag, row.LastEditedBy);
}
