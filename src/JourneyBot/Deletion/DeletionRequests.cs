using JourneyBot.Outreach;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure;
using Azure.Data.Tables;
using JourneyBot.Programs;
using JourneyBot.Scheduling;
using JourneyBot.Storage;

namespace JourneyBot.Deletion;

// An owner's request to delete a program: a row in the program's own partition (so the deletion itself removes
// it) that says when, and the scheduled item that carries it out then. Undo removes the row; the item, finding
// no request for its time, does nothing.
public sealed class DeletionRequests(StorageTables tables, ScheduleStore schedule)
{
    public const string Kind = "program.delete";
    private const string RowKey = "deletion";

    public static readonly TimeSpan Grace = TimeSpan.FromDays(1);

    public async Task<DateTimeOffset?> DueAtAsync(string programId, CancellationToken cancellationToken)
    {
        var row = await tables.Programs.GetEntityIfExistsAsync<RequestRow>(programId, RowKey,
            cancellationToken: cancellationToken);
        return row.HasValue ? row.Value!.DueAt : null;
    }

    // A second request while one is pending keeps the first time: the grace never silently grows or shrinks.
    public async Task<DateTimeOffset> RequestAsync(string tenantId, string programId, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var dueAt = now + Grace;
        try
        {
            await tables.Programs.AddEntityAsync(
                new RequestRow { PartitionKey = programId, RowKey = RowKey, DueAt = dueAt }, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return (await DueAtAsync(programId, cancellationToken)) ?? dueAt;
        }
        await schedule.AddAsync(new ScheduledItem(ScheduledItemIds.ProgramDeletion(programId, dueAt), Kind, dueAt,
            tenantId, programId, Payload(programId)), cancellationToken);
        return dueAt;
    }

    // The shape every program's own scheduled item has, so the deletion itself (and erasure) recognise it.
    public static string Payload(string programId) => new JsonObject { ["programId"] = programId }.ToJsonString();

    public static string? ProgramOf(string payload)
    {
        try
        {
            return JsonNode.Parse(payload)?["programId"]?.GetValue<string>();
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    // True when a request was pending and is now withdrawn.
    public async Task<bool> UndoAsync(string programId, CancellationToken cancellationToken)
    {
        try
        {
            await tables.Programs.DeleteEntityAsync(programId, RowKey, ETag.All, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return false;
        }
    }

    private sealed class RequestRow : TableRow
    {
        public DateTimeOffset DueAt { get; set; }
    }
}
