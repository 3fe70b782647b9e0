using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using JourneyBot.Conversations;
using JourneyBot.Domain;
using JourneyBot.Scheduling;
using JourneyBot.Programs;
using JourneyBot.Storage;

namespace JourneyBot.FollowUps;

// What the follow-ups keep: which were planned, so none is planned twice (in a partition of their own beside the
// program's, since they pile up day by day and no program view needs them); and in the program's partition the
// progress cards sent and acknowledged, and the people who could not be reached and why.
public sealed class FollowUpStore(StorageTables tables, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = ProgramFile.Options;

    public async Task<HashSet<string>> PlannedAsync(string programId, CancellationToken cancellationToken)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var partition = ProgramKeys.PlannedPartition(programId);
        await foreach (var row in tables.Programs.QueryAsync<TableEntity>(e => e.PartitionKey == partition, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            keys.Add(TableKey.Decode(row.RowKey[ProgramKeys.PlannedPrefix.Length..]));
        }
        return keys;
    }

    public async Task MarkPlannedAsync(string programId, IEnumerable<string> keys, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        foreach (var chunk in keys.Chunk(100))
        {
            await tables.Programs.SubmitTransactionAsync(chunk.Select(k => new TableTransactionAction(TableTransactionActionType.UpsertReplace,
                new TableEntity(ProgramKeys.PlannedPartition(programId), ProgramKeys.Planned(k)) { ["PlannedAt"] = now })), cancellationToken);
        }
    }

    // One record per sponsor and day: the first of the day's keys.
    private static string ProgressRowKey(DateOnly sentOn, string sponsor) => ProgramKeys.Progress(sentOn, sponsor, 0);

    // Recorded when the card went out; a redelivered send keeps the first record.
    public async Task RecordProgressSentAsync(string programId, ProgressUpdate update, CancellationToken cancellationToken)
    {
        try
        {
            await tables.Programs.AddEntityAsync(new PartRow
            {
                PartitionKey = programId, RowKey = ProgressRowKey(update.SentOn, update.SponsorAadObjectId), Json = JsonSerializer.Serialize(update, Json),
            }, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
        }
    }

    // Null when no such card was sent to this sponsor; else the update as it now stands.
    public async Task<ProgressUpdate?> AcknowledgeAsync(string programId, DateOnly sentOn, string sponsor, DateOnly today, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var read = await tables.Programs.GetEntityIfExistsAsync<PartRow>(programId, ProgressRowKey(sentOn, sponsor), cancellationToken: cancellationToken);
            if (!read.HasValue) return null;
            var row = read.Value!;
            var update = JsonSerializer.Deserialize<ProgressUpdate>(row.Json, Json)!;
            if (update.AcknowledgedOn is not null) return update;
            update = update with { AcknowledgedOn = today };
            row.Json = JsonSerializer.Serialize(update, Json);
            try
            {
                await tables.Programs.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
                return update;
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
            }
        }
        throw new RequestFailedException(412, "The progress record kept changing.");
    }

    // A send that did not arrive: tried again later while Teams may yet take it (three attempts), else the person is
    // recorded as unreachable on each program concerned, so its owners see who and why.
    public async Task<WorkResult> UndeliveredAsync(Delivery delivery, ScheduledItem item, Person recipient, IEnumerable<string> programIds, CancellationToken cancellationToken)
    {
        if (delivery.TryAgain && item.Attempts < 3) return new WorkResult(WorkOutcome.RetryLater, delivery.Problem);
        foreach (var programId in programIds.Distinct()) await RecordUnreachableAsync(programId, recipient, delivery.Problem!, cancellationToken);
        return WorkResult.Done;
    }

    public Task RecordUnreachableAsync(string programId, Person person, string reason, CancellationToken cancellationToken) =>
        tables.Programs.UpsertEntityAsync(new TableEntity(programId, ProgramKeys.Unreachable(person.AadObjectId))
        {
            ["Name"] = person.DisplayName, ["Reason"] = reason, ["At"] = clock.GetUtcNow(),
        }, TableUpdateMode.Replace, cancellationToken);

    public async Task ClearUnreachableAsync(string programId, string aadObjectId, CancellationToken cancellationToken)
    {
        try
        {
            await tables.Programs.DeleteEntityAsync(programId, ProgramKeys.Unreachable(aadObjectId), ETag.All, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
        }
    }

    public async Task<IReadOnlyList<UnreachablePerson>> UnreachableAsync(string programId, CancellationToken cancellationToken)
    {
        var list = new List<UnreachablePerson>();
        var (from, to) = ProgramKeys.Range(ProgramKeys.UnreachablePrefix);
        await foreach (var row in tables.Programs.QueryAsync<TableEntity>(
            e => e.PartitionKey == programId && e.RowKey.CompareTo(from) >= 0 && e.RowKey.CompareTo(to) < 0, cancellationToken: cancellationToken))
        {
            var aadObjectId = TableKey.Decode(row.RowKey[ProgramKeys.UnreachablePrefix.Length..]);
            list.Add(new UnreachablePerson(new Person(aadObjectId, row.GetString("Name") ?? ""), row.GetString("Reason") ?? "", row.GetDateTimeOffset("At") ?? default));
        }
        return list;
    }
}

// Someone a proactive message could not reach, with the reason in words an owner can act on.
public sealed record UnreachablePerson(Person Person, string Reason, DateTimeOffset At);
