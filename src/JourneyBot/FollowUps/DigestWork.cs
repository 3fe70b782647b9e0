using System.Text.Json;
using JourneyBot.Conversations;
using JourneyBot.Domain;
using JourneyBot.Scheduling;

namespace JourneyBot.FollowUps;

// Sends a person's nudges for the day as one message. Someone who cannot be reached is recorded on each
// program concerned, so its owners see who and why.
public sealed class DigestWork(PersonalMessenger messenger, FollowUpStore followUps) : IScheduledWork
{
    public string Kind => FollowUpItems.DigestKind;

    public async Task<WorkResult> RunAsync(ScheduledItem item, CancellationToken cancellationToken)
    {
        var entries = JsonSerializer.Deserialize<DigestPayload>(item.Payload, FollowUpItems.Json)!.Entries;
        if (entries.Count == 0) return WorkResult.Done;
        var card = FollowUpCards.For(entries);
        var delivery = await messenger.SendAsync(item.TenantId, item.Audience, card.ToActivity(card.FallbackText), cancellationToken, item.BeforeSend);
        return delivery.Delivered
            ? WorkResult.Done
            : await followUps.UndeliveredAsync(delivery, item, entries[0].Recipient, entries.Select(e => e.ProgramId), cancellationToken);
    }
}
