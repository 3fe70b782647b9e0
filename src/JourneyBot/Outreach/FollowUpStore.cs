using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using JourneyBot.Conversations;
using JourneyBot.Domain;
using JourneyBot.Scheduling;
using JourneyBot.Programs;
using JourneyBot.Storage;

namespace JourneyBot.Outreach;

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

    // One marker, for work that is sent at most once per occasion however often it is asked for.
    public async Task<bool> IsPlannedAsync(string programId, string key, CancellationToken cancellationToken) =>
        (await tables.Programs.GetEntityIfExistsAsync<TableEntity>(ProgramKeys.PlannedPartition(programId),
            ProgramKeys.Planned(key), select: ["RowKey"], cancellationToken: cancellationToken)).HasValue;

    public async Task MarkPlannedAsync(string programId, IEnumerable<string> keys, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        foreach (var chunk in keys.Chunk(100))
        {
            await tables.Programs.SubmitTransactionAsync(chunk.Select(k => new TableTransactionAction(TableTransactionActionType.UpsertReplace,
                new TableEntity(ProgramKeys.PlannedPartition(programId), ProgramKeys.Planned(k)) { ["PlannedAt"] = now })), cancellationToken);
        }
    }

    // Two sponsors acknowledging (or receiving) one card at the same moment both land: each write is conditional on
    // the version read, and the loser reads again and adds to what the winner wrote (see Contention).
    private const int Attempts = Contention.Attempts;

    // Recorded as each sponsor's copy goes out: the first delivery writes the card (with its snapshot and day),
    // later ones add their sponsor. A redelivered send changes nothing. Null when the record kept changing past every
    // retry: the send is recorded again later.
    public async Task<ProgressCard?> RecordProgressSentAsync(string programId, string cardId, string sponsor, DateOnly sentOn, Snapshot snapshot, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var read = await tables.Programs.GetEntityIfExistsAsync<PartRow>(programId, ProgramKeys.ProgressCard(cardId), cancellationToken: cancellationToken);
            if (!read.HasValue)
            {
                var card = new ProgressCard(cardId, sentOn, [sponsor], [], snapshot);
                try
                {
                    await tables.Programs.AddEntityAsync(new PartRow { PartitionKey = programId, RowKey = ProgramKeys.ProgressCard(cardId), Json = JsonSerializer.Serialize(card, Json) }, cancellationToken);
                    await tables.Programs.MarkChangedAsync(programId);
                    return card;
                }
                catch (RequestFailedException e) when (e.Status == 409)
                {
                    continue;
                }
            }
            var row = read.Value!;
            var stored = JsonSerializer.Deserialize<ProgressCard>(row.Json, Json)!;
            if (stored.WentTo(sponsor)) return stored;
            var updated = stored.SentAlsoTo(sponsor);
            if (await TryReplaceAsync(row, updated, attempt, cancellationToken)) return updated;
        }
        return null;
    }

    // The card as it now stands with the sponsor's acknowledgement; no card when no such card went to this sponsor;
    // Busy when the record kept changing past every retry. Cards sent before cards had rows of their own are
    // acknowledged on the sponsor's own record.
    public async Task<Acknowledged> AcknowledgeAsync(string programId, string? cardId, DateOnly sentOn, string sponsor, DateOnly today,
        CancellationToken cancellationToken)
    {
        if (cardId is null)
        {
            var old = await AcknowledgePerSponsorAsync(programId, sentOn, sponsor, today, cancellationToken);
            if (old.Card is not null || old.Busy) return old;
        }
        var id = cardId ?? SponsorProgressRecord.CardId(sentOn);
        if (!PlainId.IsValid(id)) return new Acknowledged(null, false);
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var read = await tables.Programs.GetEntityIfExistsAsync<PartRow>(programId, ProgramKeys.ProgressCard(id), cancellationToken: cancellationToken);
            if (!read.HasValue) return new Acknowledged(null, false);
            var row = read.Value!;
            var card = JsonSerializer.Deserialize<ProgressCard>(row.Json, Json)!;
            if (!card.WentTo(sponsor)) return new Acknowledged(null, false);
            if (card.AcknowledgementBy(sponsor) is not null) return new Acknowledged(card, false);
            var updated = card.AcknowledgedBy(sponsor, today);
            if (await TryReplaceAsync(row, updated, attempt, cancellationToken))
            {
                await tables.Programs.MarkChangedAsync(programId);
                return new Acknowledged(updated, false);
            }
        }
        return new Acknowledged(null, true);
    }

    private async Task<bool> TryReplaceAsync(PartRow row, ProgressCard card, int attempt, CancellationToken cancellationToken)
    {
        row.Json = JsonSerializer.Serialize(card, Json);
        try
        {
            await tables.Programs.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            await Contention.PauseAsync(attempt, cancellationToken);
            return false;
        }
    }

    // An older per-sponsor record ("progress|yyyyMMdd|sponsor|0000"), acknowledged where it lies, and returned as the
    // card it was part of as far as this sponsor's record tells.
    private async Task<Acknowledged> AcknowledgePerSponsorAsync(string programId, DateOnly sentOn, string sponsor, DateOnly today, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            // Sent ones were kept as index 0, imported ones numbered in file order: the first of the sponsor's day.
            var (from, to) = ProgramKeys.Range(ProgramKeys.Progress(sentOn, sponsor, 0)[..^4]);
            PartRow? row = null;
            await foreach (var found in tables.Programs.QueryAsync<PartRow>(e => e.PartitionKey == programId && e.RowKey.CompareTo(from) >= 0 && e.RowKey.CompareTo(to) < 0,
                maxPerPage: 1, cancellationToken: cancellationToken))
            {
                row = found;
                break;
            }
            if (row is null) return new Acknowledged(null, false);
            var record = JsonSerializer.Deserialize<SponsorProgressRecord>(row.Json, Json)!;
            if (record.AcknowledgedOn is null)
            {
                record = record with { AcknowledgedOn = today };
                row.Json = JsonSerializer.Serialize(record, Json);
                try
                {
                    await tables.Programs.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
                    await tables.Programs.MarkChangedAsync(programId);
                }
                catch (RequestFailedException e) when (e.Status == 412)
                {
                    await Contention.PauseAsync(attempt, cancellationToken);
                    continue;
                }
            }
            return new Acknowledged(SponsorProgressRecord.AsCards([record])[0], false);
        }
        return new Acknowledged(null, true);
    }

    // A send that did not arrive: tried again later while Teams may yet take it (three attempts), else the person is
    // recorded as unreachable on each program concerned, so its owners see who and why.
    public async Task<WorkResult> UndeliveredAsync(Delivery delivery, ScheduledItem item, Person recipient, IEnumerable<string> programIds, CancellationToken cancellationToken)
    {
        if (delivery.TryAgain && item.Attempts < 3) return new WorkResult(WorkOutcome.RetryLater, delivery.Problem);
        foreach (var programId in programIds.Distinct()) await RecordUnreachableAsync(programId, recipient, delivery.Problem!, cancellationToken);
        return WorkResult.Done;
    }

    // An erased person is nobody to reach: owners are not asked to fix it.
    public Task RecordUnreachableAsync(string programId, Person person, string reason, CancellationToken cancellationToken) =>
        ErasedPerson.Is(person) ? Task.CompletedTask : tables.Programs.UpsertEntityAsync(
            new TableEntity(programId, ProgramKeys.Unreachable(person.AadObjectId))
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

// How acknowledging a progress card ended: the card as it stands, no such card for this sponsor, or Busy.
public sealed record Acknowledged(ProgressCard? Card, bool Busy);
