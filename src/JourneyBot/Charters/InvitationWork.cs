using System.Text.Json;
using JourneyBot.Conversations;
using JourneyBot.Programs;
using JourneyBot.Protocol;
using JourneyBot.Scheduling;
using JourneyBot.Outreach;

namespace JourneyBot.Charters;

// Sends one department contact their invitation, then moves the owner's "on their way" card along.
public sealed partial class InvitationWork(ProgramStore programs, CollectionOpener opener, PersonalMessenger messenger, FollowUpStore followUps, ConnectorClient connector,
    ILogger<InvitationWork> log) : IScheduledWork
{
    // The owner's card is rewritten every few invitations and when the last is through, not after every one.
    private const int CardUpdateEvery = 10;

    public string Kind => CollectionOpener.Kind;

    public async Task<WorkResult> RunAsync(ScheduledItem item, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.Deserialize<InvitationPayload>(item.Payload, FollowUpItems.Json)!;
        var program = await programs.LoadHeaderAsync(item.TenantId, payload.ProgramId, cancellationToken);
        // Deleted, closed again, or the person is no longer a contact: nobody is waiting for this invitation.
        if (program?.CollectionOpenedOn is null) return WorkResult.Done;
        var department = CollectionOpener.Contacts(program.Charter).FirstOrDefault(c => c.Contact.AadObjectId == payload.Contact.AadObjectId).Department;
        if (department is null || await opener.WasInvitedAsync(program.Id, payload.Contact.AadObjectId, cancellationToken)) return WorkResult.Done;

        var card = InvitationCards.Invitation(program, department).ToActivity($"Touchpoints needed for {program.Charter.Name}");
        Delivery delivery;
        try
        {
            delivery = await messenger.SendAsync(item.TenantId, payload.Contact.AadObjectId, card, cancellationToken);
        }
        catch (ConnectorException e) when (!e.MayHaveArrived)
        {
            delivery = new Delivery(null, "Teams refused the message several times. Check in the Teams admin center that JourneyBot is allowed for them, then open collection again.") { TryAgain = true };
        }
        catch (ConnectorException)
        {
            // Teams may have shown it: counted as sent rather than sent twice.
            delivery = new Delivery(null, null);
        }

        WorkResult result;
        if (delivery.Delivered)
        {
            await opener.RecordInvitedAsync(program.Id, payload.Contact.AadObjectId, cancellationToken);
            await followUps.ClearUnreachableAsync(program.Id, payload.Contact.AadObjectId, cancellationToken);
            result = WorkResult.Done;
        }
        else
        {
            result = await followUps.UndeliveredAsync(delivery, item, payload.Contact, [program.Id], cancellationToken);
            if (result.Outcome != WorkOutcome.Done) return result;
        }
        if (payload.Card is { } at) await UpdateOwnersCardAsync(program, at, cancellationToken);
        return result;
    }

    private async Task UpdateOwnersCardAsync(ProgramHeader program, ProgressCardAt at, CancellationToken cancellationToken)
    {
        var progress = await opener.ProgressAsync(program, cancellationToken);
        var through = progress.Sent + progress.Unreachable.Count;
        if (progress.Pending > 0 && through % CardUpdateEvery != 0) return;
        try
        {
            var update = InvitationCards.Progress(program, progress).ToActivity();
            update.Id = at.ActivityId;
            await connector.UpdateActivityAsync(at.ServiceUrl, at.ConversationId, at.ActivityId, update, cancellationToken);
        }
        catch (ConnectorException e)
        {
            // The card is a courtesy: the invitation itself went out, and "Show progress" reads the same figures.
            LogCardNotUpdated(log, e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The owner's invitation card was not updated: {Reason}")]
    private static partial void LogCardNotUpdated(ILogger log, string reason);
}
