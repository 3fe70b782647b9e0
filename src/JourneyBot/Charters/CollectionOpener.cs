using System.Net;
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
public sealed class CollectionOpener(StorageTables tables, ConversationStore conversations, TimeProvider clock)
{
    private const int MaxParallelSends = 8;

    private static string InviteKey(string aadObjectId) => "invite|" + TableKey.Encode(aadObjectId);

    public async Task<(int Invited, IReadOnlyList<(Person Person, string Department, string Reason)> Unreachable)> InviteAsync(
        TurnContext turn, ProgramHeader program, CancellationToken cancellationToken)
    {
        var alreadyInvited = await InvitedAsync(program.Id, cancellationToken);
        var invited = 0;
        var unreachable = new System.Collections.Concurrent.ConcurrentQueue<(Person, string, string)>();
        // A few at a time: the owner's click waits for this, and Teams limits how fast a bot may send.
        using var gate = new SemaphoreSlim(MaxParallelSends);
        // One invitation per person, even when they are the contact of several departments.
        var sends = program.Charter.Departments.SelectMany(d => d.Contacts.Select(c => (Department: d, Contact: c)))
            .DistinctBy(item => item.Contact.AadObjectId)
            .Where(item => !alreadyInvited.Contains(InviteKey(item.Contact.AadObjectId)))
            .Select(async item =>
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                var problem = await SendAsync(turn, program, item.Department, item.Contact, cancellationToken);
                if (problem is not null)
                {
                    unreachable.Enqueue((item.Contact, item.Department.Name, problem));
                    return;
                }
                await tables.Programs.UpsertEntityAsync(new TableEntity(program.Id, InviteKey(item.Contact.AadObjectId)) { ["SentAt"] = clock.GetUtcNow() }, TableUpdateMode.Replace, cancellationToken);
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
        const string from = "invite|", to = "invite}";
        await foreach (var row in tables.Programs.QueryAsync<TableEntity>(
            e => e.PartitionKey == programId && e.RowKey.CompareTo(from) >= 0 && e.RowKey.CompareTo(to) < 0, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            keys.Add(row.RowKey);
        }
        return keys;
    }

    private async Task<string?> SendAsync(TurnContext turn, ProgramHeader program, Department department, Person contact, CancellationToken cancellationToken)
    {
        var card = InvitationCards.Invitation(program, department).ToActivity($"Touchpoints needed for {program.Charter.Name}");
        try
        {
            var chat = await conversations.GetPersonalChatAsync(program.TenantId, contact.AadObjectId, cancellationToken);
            if (chat is { Active: true })
            {
                card.Recipient = new ChannelAccount { Id = chat.UserId, AadObjectId = contact.AadObjectId };
                card.From = new ChannelAccount { Id = chat.BotId };
                card.Conversation = new ConversationAccount { Id = chat.ConversationId };
                await turn.Connector.SendToConversationAsync(chat.ServiceUrl, chat.ConversationId, card, cancellationToken);
                return null;
            }
            // Never talked to the bot here: Teams opens a 1:1 chat if the app is installed for them.
            var created = await turn.Connector.CreatePersonalConversationAsync(turn.Activity.ServiceUrl!, program.TenantId, turn.Activity.Recipient!.Id!, contact.AadObjectId, cancellationToken);
            if (created?.Id is not { Length: > 0 } conversationId) return "Teams did not open a chat with them.";
            card.Conversation = new ConversationAccount { Id = conversationId };
            card.From = new ChannelAccount { Id = turn.Activity.Recipient.Id };
            await turn.Connector.SendToConversationAsync(turn.Activity.ServiceUrl!, conversationId, card, cancellationToken);
            return null;
        }
        catch (ConnectorException e) when (e.Status is HttpStatusCode.Forbidden or HttpStatusCode.NotFound)
        {
            return "JourneyBot is not installed for them yet.";
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
