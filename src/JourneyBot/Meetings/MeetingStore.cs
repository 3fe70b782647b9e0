using Azure;
using Azure.Data.Tables;
using JourneyBot.Domain;
using JourneyBot.Programs;
using JourneyBot.Storage;

namespace JourneyBot.Meetings;

// Who took part in the review under way in a meeting, and what they did.
public sealed record MeetingParticipant(Person Person, DateTimeOffset Joined, int Verified, int Retired, int Proposed);

// A change an attendee proposed for a touchpoint during the meeting, for the owners to make.
public sealed record MeetingProposal(string Id, string TouchpointId, Person By, string Text, DateTimeOffset At);

// The review under way in a meeting: the meeting's chat, who took part, what was proposed; Version changes with
// every change anyone makes in the meeting, so the stage knows to draw again.
public sealed record MeetingSession(string? ChatId, string Version, IReadOnlyList<MeetingParticipant> Participants,
    IReadOnlyList<MeetingProposal> Proposals)
{
    // The last change was the review's completion.
    public bool Ended { get; init; }
}

// The meeting rows sit in the program's partition (deleted with it, erased like its other rows), outside every
// prefix the program loader reads. One row per participant and per proposal, so attendees never write the same
// row; the state row carries the chat and is rewritten (unconditionally) on each change, its ETag the version.
public sealed class MeetingStore(StorageTables tables, TimeProvider clock)
{
    private const string Prefix = "meeting|";
    private const string StateKey = Prefix + "state";
    private const string ParticipantPrefix = Prefix + "p|";
    private const string ProposalPrefix = Prefix + "x|";

    public async Task<MeetingSession> ReadAsync(string programId, CancellationToken cancellationToken)
    {
        string? chatId = null;
        var version = "";
        var ended = false;
        var participants = new List<MeetingParticipant>();
        var proposals = new List<MeetingProposal>();
        var (from, to) = ProgramKeys.Range(Prefix);
        await foreach (var row in tables.Programs.QueryAsync<TableEntity>(
            e => e.PartitionKey == programId && e.RowKey.CompareTo(from) >= 0 && e.RowKey.CompareTo(to) < 0,
            cancellationToken: cancellationToken))
        {
            if (row.RowKey == StateKey)
            {
                chatId = row.GetString("ChatId");
                version = row.ETag.ToString();
                ended = row.GetBoolean("Ended") ?? false;
            }
            else if (row.RowKey.StartsWith(ParticipantPrefix, StringComparison.Ordinal))
            {
                participants.Add(new MeetingParticipant(PersonOf(row),
                    row.GetDateTimeOffset("Joined") ?? DateTimeOffset.MinValue,
                    row.GetInt32("Verified") ?? 0, row.GetInt32("Retired") ?? 0, row.GetInt32("Proposed") ?? 0));
            }
            else if (row.RowKey.StartsWith(ProposalPrefix, StringComparison.Ordinal))
            {
                proposals.Add(new MeetingProposal(row.RowKey[ProposalPrefix.Length..],
                    row.GetString("TouchpointId") ?? "", PersonOf(row), row.GetString("Text") ?? "",
                    row.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue));
            }
        }
        return new MeetingSession(chatId, version, participants.OrderBy(p => p.Joined).ToList(),
            proposals.OrderBy(p => p.At).ToList()) { Ended = ended };
    }

    // The state row alone: one point read, for a stage that only asks whether anything changed.
    public async Task<string> VersionAsync(string programId, CancellationToken cancellationToken)
    {
        var row = await tables.Programs.GetEntityIfExistsAsync<TableEntity>(programId, StateKey, ["PartitionKey"],
            cancellationToken);
        return row.HasValue ? row.Value!.ETag.ToString() : "";
    }

    // The person opened the side panel: recorded once; the meeting's chat kept when the panel knows it.
    public async Task JoinAsync(string programId, Person person, string? chatId, CancellationToken cancellationToken)
    {
        var key = ParticipantPrefix + TableKey.Encode(person.AadObjectId);
        var existing = await tables.Programs.GetEntityIfExistsAsync<TableEntity>(programId, key,
            cancellationToken: cancellationToken);
        var joined = false;
        if (!existing.HasValue)
        {
            try
            {
                await tables.Programs.AddEntityAsync(new TableEntity(programId, key)
                {
                    ["AadObjectId"] = person.AadObjectId, ["DisplayName"] = person.DisplayName,
                    ["Joined"] = clock.GetUtcNow(), ["Verified"] = 0, ["Retired"] = 0, ["Proposed"] = 0,
                }, cancellationToken);
                joined = true;
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                // Their other window got there first.
            }
        }
        if (chatId is not null && (await ChatIdAsync(programId, cancellationToken)) != chatId)
        {
            await TouchAsync(programId, chatId, cancellationToken);
        }
        else if (joined)
        {
            await TouchAsync(programId, null, cancellationToken);
        }
    }

    // Counts what the person did (joining them if they had not opened the panel), then tells the stage.
    public async Task CountAsync(string programId, Person person, MeetingDeed deed, int count,
        CancellationToken cancellationToken)
    {
        var key = ParticipantPrefix + TableKey.Encode(person.AadObjectId);
        var column = deed.ToString();
        for (var attempt = 0; attempt < Contention.Attempts; attempt++)
        {
            var read = await tables.Programs.GetEntityIfExistsAsync<TableEntity>(programId, key,
                cancellationToken: cancellationToken);
            try
            {
                if (!read.HasValue)
                {
                    await tables.Programs.AddEntityAsync(new TableEntity(programId, key)
                    {
                        ["AadObjectId"] = person.AadObjectId, ["DisplayName"] = person.DisplayName,
                        ["Joined"] = clock.GetUtcNow(), ["Verified"] = 0, ["Retired"] = 0, ["Proposed"] = 0,
                        [column] = count,
                    }, cancellationToken);
                }
                else
                {
                    var row = read.Value!;
                    var update = new TableEntity(programId, key) { [column] = (row.GetInt32(column) ?? 0) + count };
                    await tables.Programs.UpdateEntityAsync(update, row.ETag, TableUpdateMode.Merge, cancellationToken);
                }
                break;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                await Contention.PauseAsync(attempt, cancellationToken);
            }
        }
        await TouchAsync(programId, null, cancellationToken);
    }

    public async Task ProposeAsync(string programId, Person person, string touchpointId, string text,
        CancellationToken cancellationToken)
    {
        var id = clock.GetUtcNow().UtcTicks.ToString("D19") + Guid.NewGuid().ToString("N")[..6];
        await tables.Programs.AddEntityAsync(new TableEntity(programId, ProposalPrefix + id)
        {
            ["TouchpointId"] = touchpointId, ["AadObjectId"] = person.AadObjectId, ["DisplayName"] = person.DisplayName,
            ["Text"] = text, ["At"] = clock.GetUtcNow(),
        }, cancellationToken);
        await CountAsync(programId, person, MeetingDeed.Proposed, 1, cancellationToken);
    }

    // Something changed on the map during the meeting (a touchpoint verified or retired): a new version.
    public Task TouchAsync(string programId, CancellationToken cancellationToken) =>
        TouchAsync(programId, null, cancellationToken);

    // After the review is completed: the next meeting starts afresh. The state row stays (with no chat), so a
    // stage still open sees one more version and shows the review as done.
    public async Task EndAsync(string programId, CancellationToken cancellationToken)
    {
        var (from, to) = ProgramKeys.Range(Prefix);
        var rows = new List<TableEntity>();
        await foreach (var row in tables.Programs.QueryAsync<TableEntity>(
            e => e.PartitionKey == programId && e.RowKey.CompareTo(from) >= 0 && e.RowKey.CompareTo(to) < 0,
            select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            if (row.RowKey != StateKey) rows.Add(row);
        }
        foreach (var batch in rows.Chunk(100))
        {
            await tables.Programs.SubmitTransactionAsync(
                batch.Select(r => new TableTransactionAction(TableTransactionActionType.Delete, r, ETag.All)),
                cancellationToken);
        }
        await tables.Programs.UpsertEntityAsync(new TableEntity(programId, StateKey)
        {
            ["ChatId"] = null, ["ChangedAt"] = clock.GetUtcNow(), ["Ended"] = true,
        }, TableUpdateMode.Replace, cancellationToken);
    }

    private async Task<string?> ChatIdAsync(string programId, CancellationToken cancellationToken)
    {
        var row = await tables.Programs.GetEntityIfExistsAsync<TableEntity>(programId, StateKey, ["ChatId"],
            cancellationToken);
        return row.HasValue ? row.Value!.GetString("ChatId") : null;
    }

    private Task TouchAsync(string programId, string? chatId, CancellationToken cancellationToken)
    {
        var row = new TableEntity(programId, StateKey) { ["ChangedAt"] = clock.GetUtcNow(), ["Ended"] = false };
        if (chatId is not null) row["ChatId"] = chatId;
        return tables.Programs.UpsertEntityAsync(row, TableUpdateMode.Merge, cancellationToken);
    }

    private static Person PersonOf(TableEntity row) =>
        new(row.GetString("AadObjectId") ?? "", row.GetString("DisplayName") ?? "");
}

// What an attendee did in the meeting, counted per person for the owner's progress.
public enum MeetingDeed { Verified, Retired, Proposed }
