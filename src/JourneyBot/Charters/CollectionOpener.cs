using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using JourneyBot.Domain;
using JourneyBot.Programs;
using JourneyBot.Scheduling;
using JourneyBot.Storage;
using JourneyBot.Outreach;

namespace JourneyBot.Charters;

// Where the owner's "on their way" card lives, so the invitations can update it as they go out.
public sealed record ProgressCardAt(string ServiceUrl, string ConversationId, string ActivityId);

public sealed record InvitationPayload(string ProgramId, string DepartmentId, Person Contact, ProgressCardAt? Card = null);

// How far the invitations of a program have gone: sent, still on their way, and who could not be reached.
public sealed record InvitationProgress(int Sent, int Pending, IReadOnlyList<UnreachablePerson> Unreachable)
{
    public int Total => Sent + Pending + Unreachable.Count;
}

// Invites every department contact, proactively, to add their touchpoints. Opening collection only queues one
// invitation per person on the scheduler, which paces them and survives restarts, so a program of any size opens
// within the owner's click; each delivered invitation is recorded, so opening again only retries the rest.
public sealed class CollectionOpener(StorageTables tables, ScheduleStore schedule, FollowUpStore followUps, TimeProvider clock)
{
    public const string Kind = "invitation";

    public async Task QueueAsync(ProgramHeader program, ProgressCardAt? card, CancellationToken cancellationToken)
    {
        var invited = await InvitedAsync(program.Id, cancellationToken);
        await QueueAsync(program, Contacts(program.Charter).Where(c => !invited.Contains(c.Contact.AadObjectId)), card, cancellationToken);
    }

    // Contacts an owner adds while collection is open are invited as they are saved, not at the next "open
    // collection". Returns how many went on their way.
    public async Task<int> QueueAddedAsync(ProgramHeader saved, Charter before, CancellationToken cancellationToken)
    {
        if (saved.CollectionOpenedOn is null) return 0;
        var known = Contacts(before).Select(c => c.Contact.AadObjectId).ToHashSet(StringComparer.Ordinal);
        var added = Contacts(saved.Charter).Where(c => !known.Contains(c.Contact.AadObjectId)).ToList();
        if (added.Count == 0) return 0;
        var invited = await InvitedAsync(saved.Id, cancellationToken);
        added = added.Where(c => !invited.Contains(c.Contact.AadObjectId)).ToList();
        await QueueAsync(saved, added, null, cancellationToken);
        return added.Count;
    }

    private async Task QueueAsync(ProgramHeader program, IEnumerable<(Department Department, Person Contact)> contacts, ProgressCardAt? card, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        // An erased contact stays on the department for the counts; there is nobody to invite.
        foreach (var (department, contact) in contacts.Where(c => !ErasedPerson.Is(c.Contact)))
        {
            var payload = JsonSerializer.Serialize(new InvitationPayload(program.Id, department.Id, contact, card), FollowUpItems.Json);
            await schedule.AddAsync(new ScheduledItem(ScheduledItemIds.Invitation(program.Id, contact.AadObjectId), Kind, now, program.TenantId, contact.AadObjectId, payload), cancellationToken);
            // On its way again: the owner's list shows them only if this attempt fails too.
            await followUps.ClearUnreachableAsync(program.Id, contact.AadObjectId, cancellationToken);
        }
    }

    public async Task<InvitationProgress> ProgressAsync(ProgramHeader program, CancellationToken cancellationToken)
    {
        var invited = await InvitedAsync(program.Id, cancellationToken);
        var contacts = Contacts(program.Charter).Select(c => c.Contact.AadObjectId).ToHashSet(StringComparer.Ordinal);
        var unreachable = (await followUps.UnreachableAsync(program.Id, cancellationToken))
            .Where(u => contacts.Contains(u.Person.AadObjectId) && !invited.Contains(u.Person.AadObjectId)).ToList();
        var sent = contacts.Count(invited.Contains);
        return new InvitationProgress(sent, contacts.Count - sent - unreachable.Count, unreachable);
    }

    public Task RecordInvitedAsync(string programId, string aadObjectId, CancellationToken cancellationToken) =>
        tables.Programs.UpsertEntityAsync(new TableEntity(programId, ProgramKeys.Invite(aadObjectId)) { ["SentAt"] = clock.GetUtcNow() }, TableUpdateMode.Replace, cancellationToken);

    public async Task<bool> WasInvitedAsync(string programId, string aadObjectId, CancellationToken cancellationToken) =>
        (await tables.Programs.GetEntityIfExistsAsync<TableEntity>(programId, ProgramKeys.Invite(aadObjectId), select: ["RowKey"], cancellationToken: cancellationToken)).HasValue;

    // One invitation per person, even when they are the contact of several departments (the first names it).
    public static IEnumerable<(Department Department, Person Contact)> Contacts(Charter charter) =>
        charter.Departments.SelectMany(d => d.Contacts.Select(c => (Department: d, Contact: c))).DistinctBy(item => item.Contact.AadObjectId);

    // Everyone invited before, in one range query over the program's invitation rows.
    private async Task<HashSet<string>> InvitedAsync(string programId, CancellationToken cancellationToken)
    {
        var people = new HashSet<string>(StringComparer.Ordinal);
        var (from, to) = ProgramKeys.Range(ProgramKeys.InvitePrefix);
        await foreach (var row in tables.Programs.QueryAsync<TableEntity>(
            e => e.PartitionKey == programId && e.RowKey.CompareTo(from) >= 0 && e.RowKey.CompareTo(to) < 0, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            people.Add(TableKey.Decode(row.RowKey[ProgramKeys.InvitePrefix.Length..]));
        }
        return people;
    }
}
