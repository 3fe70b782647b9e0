using Azure.Data.Tables;
using JourneyBot.Conversations;
using JourneyBot.Programs;
using JourneyBot.Scheduling;
using JourneyBot.Storage;

namespace JourneyBot.Admin;

// How each table's rows are decided in an erasure. Rows keyed by the person are deleted when they only serve to
// reach them (personal chats, memberships, sends to them, planned markers, unreachable records) and written under the
// marker when they are history (an invitation sent, an older per-sponsor progress record); every other row has the
// person replaced in its properties (PersonText).
internal sealed class ErasureScope(string tenantId, PersonText person, DateTimeOffset now)
{
    private readonly string _encodedId = TableKey.Encode(person.AadObjectId);

    public string TenantId { get; } = tenantId;
    public PersonText Person { get; } = person;
    // The person's personal chats, whose rows (and the idempotency rows of their activities) go.
    public HashSet<string> Chats { get; } = new(StringComparer.Ordinal);
    // Scheduled rows an instance holds right now: rewriting one would make its send go twice, so it waits for a rerun.
    public HashSet<string> InFlight { get; } = new(StringComparer.Ordinal);

    public bool KeyMentions(string key) => Person.MentionsId(key) || Person.MentionsId(TableKey.Decode(key));

    public RowChange? ProgramRow(TableEntity row) =>
        row.RowKey.StartsWith(ProgramKeys.UnreachablePrefix, StringComparison.Ordinal) && KeyMentions(row.RowKey)
            ? RowChange.Delete(row)
            : Generic(row, rekey: true);

    public RowChange? DeleteIfKeyed(TableEntity row) =>
        KeyMentions(row.PartitionKey) || KeyMentions(row.RowKey) ? RowChange.Delete(row) : Generic(row, rekey: false);

    public RowChange? ConversationRow(TableEntity row)
    {
        var key = row.RowKey;
        if (KeyMentions(key)) return RowChange.Delete(row);
        if (key.StartsWith("c:", StringComparison.Ordinal)
            && Chats.Contains(Text(row, nameof(Conversations.ConversationRow.ConversationId)) ?? ""))
        {
            return RowChange.Delete(row);
        }
        if (key.StartsWith("a:", StringComparison.Ordinal) && Chats.Contains(TableKey.Decode(key[2..])))
        {
            return RowChange.Delete(row);
        }
        if (Person.MentionsId(Text(row, nameof(Conversations.ConversationRow.UserAadObjectId))))
        {
            // A channel or group chat they installed the bot in stays reachable; only who they were goes.
            var copy = RowChange.Copy(row);
            copy.Remove(nameof(Conversations.ConversationRow.UserAadObjectId));
            copy.Remove(nameof(Conversations.ConversationRow.UserId));
            return RowChange.Rewrite(row, Scrubbed(copy) ?? copy);
        }
        return Generic(row, rekey: false);
    }

    // A send to the person goes (an invitation, a digest, a progress card, an assignment); a send to someone else
    // that names them is rewritten, unless an instance is sending it this moment.
    public RowChange? ScheduleRow(TableEntity row)
    {
        if (KeyMentions(row.RowKey) || Person.MentionsId(Text(row, nameof(Scheduling.ScheduleRow.Audience))))
        {
            return RowChange.Delete(row);
        }
        if (Scrubbed(row) is not { } replacement) return null;
        if (row.GetString(nameof(Scheduling.ScheduleRow.ClaimedBy)) is { Length: > 0 }
            && row.GetDateTimeOffset(nameof(Scheduling.ScheduleRow.LeaseUntil)) > now)
        {
            InFlight.Add(row.PartitionKey + "/" + row.RowKey);
            return null;
        }
        InFlight.Remove(row.PartitionKey + "/" + row.RowKey);
        return RowChange.Rewrite(row, replacement);
    }

    public RowChange? IdempotencyRow(TableEntity row)
    {
        var key = TableKey.Decode(row.RowKey);
        var chat = key.LastIndexOf('|') is var bar and > 0 ? key[..bar] : key;
        return KeyMentions(row.RowKey) || Chats.Contains(chat) ? RowChange.Delete(row) : Generic(row, rekey: false);
    }

    // Keys that name the person: the row under the marker's key (rekey) or deleted; other rows with the person
    // replaced in their properties.
    public RowChange? Generic(TableEntity row, bool rekey)
    {
        if (KeyMentions(row.PartitionKey)) return RowChange.Delete(row);
        if (KeyMentions(row.RowKey))
        {
            var key = row.RowKey.Replace(_encodedId, Person.Marker.AadObjectId, StringComparison.OrdinalIgnoreCase);
            if (!rekey || KeyMentions(key)) return RowChange.Delete(row);
            var moved = RowChange.Copy(row, key);
            return RowChange.Rekey(row, Scrubbed(moved) ?? moved);
        }
        return Scrubbed(row) is { } replacement ? RowChange.Rewrite(row, replacement) : null;
    }

    // A copy with every text property that mentions the person rewritten; null when none does.
    public TableEntity? Scrubbed(TableEntity row)
    {
        TableEntity? copy = null;
        foreach (var (key, value) in row)
        {
            if (key is "PartitionKey" or "RowKey" || value is not string text) continue;
            if (Person.Rewrite(text) is not { } rewritten) continue;
            copy ??= RowChange.Copy(row);
            copy[key] = rewritten;
        }
        return copy;
    }

    private static string? Text(TableEntity row, string property) =>
        row.TryGetValue(property, out var v) ? v as string : null;
}
