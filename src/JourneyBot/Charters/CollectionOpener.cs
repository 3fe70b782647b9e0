using Azure;
using Azure.Data.Tables;
using JourneyBot.Conversations;
using JourneyBot.Domain;
using JourneyBot.Programs;
using JourneyBot.Protocol;
using JourneyBot.Storage;

namespace JourneyBot.Charters;

// Invites every department contact, proactively, to add their touchpoints. Each delivered invitation is
// recorded, so opening again only retries the people who could not be reached.
public sealed class CollectionOpener(StorageTables tables, PersonalMessenger messenger, TimeProvider clock)
{
    private const int MaxParallelSends = 8;


    public async Task<(int Invited, IReadOnlyList<(Person Person, string Department, string Reason)> Unreachable)> InviteAsync(
        ProgramHeader program, CancellationToken cancellationToken)
    {
        var alreadyInvited = await InvitedAsync(program.Id, cancellationToken);
        var invited = 0;
        var unreachable = new System.Collections.Concurrent.ConcurrentQueue<(Person, string, string)>();
        // A few at a time: the owner's click waits for this, and Teams limits how fast a bot may send.
        using var gate = new SemaphoreSlim(MaxParallelSends);
        // One invitation per person, even when they are the contact of several departments.
        var sends = program.Charter.Departments.SelectMany(d => d.Contacts.Select(c => (Department: d, Contact: c)))
            .DistinctBy(item => item.Contact.AadObjectId)
            .Where(item => !alreadyInvited.Contains(ProgramKeys.Invite(item.Contact.AadObjectId)))
            .Select(async item =>
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                var problem = await SendAsync(program, item.Department, item.Contact, cancellationToken);
                if (problem is not null)
                {
                    unreachable.Enqueue((item.Contact, item.Department.Name, problem));
                    return;
                }
                await tables.Programs.UpsertEntityAsync(new TableEntity(program.Id, ProgramKeys.Invite(item.Contact.AadObjectId)) { ["SentAt"] = clock.GetUtcNow() }, TableUpdateMode.Replace, cancellationToken);
                Interlocked.Increment(ref invited);
            }
            finally
            {
                gate.Release();
            }
        });
        await Task.WhenAll(sends);
        return (invited, unreachable.ToList());
    }

    // Everyone invited before, in one range query over the program's invitation rows.
    private async Task<HashSet<string>> InvitedAsync(string programId, CancellationToken cancellationToken)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var (from, to) = ProgramKeys.Range(ProgramKeys.InvitePrefix);
        await foreach (var row in tables.Programs.QueryAsync<TableEntity>(
            e => e.PartitionKey == programId && e.RowKey.CompareTo(from) >= 0 && e.RowKey.CompareTo(to) < 0, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            keys.Add(row.RowKey);
        }
        return keys;
    }

    private async Task<string?> SendAsync(ProgramHeader program, Department department, Person contact, CancellationToken cancellationToken)
    {
        var card = InvitationCards.Invitation(program, department).ToActivity($"Touchpoints needed for {program.Charter.Name}");
        try
        {
            return (await messenger.SendAsync(program.TenantId, contact.AadObjectId, card, cancellationToken)).Problem;
        }
        catch (ConnectorException e)
        {
            return $"Teams did not take the message ({(e.Status is { } s ? (int)s : 0)}); it will be retried when collection is opened again.";
        }
        catch (RequestFailedException)
        {
            return "Their chat details could not be read; try again.";
        }
    }
}
