using System.Text.Json;
using JourneyBot.Conversations;
using JourneyBot.Domain;
using JourneyBot.Programs;
using JourneyBot.Scheduling;

namespace JourneyBot.FollowUps;

// Sends a person's nudges for the day as one message. Someone who cannot be reached is recorded on each
// program concerned, so its owners see who and why.
public sealed class DigestWork(PersonalMessenger messenger, FollowUpStore followUps, ProgramStore programs, FollowUpRules rules, TimeProvider clock) : IScheduledWork
{
    public string Kind => FollowUpItems.DigestKind;

    public async Task<WorkResult> RunAsync(ScheduledItem item, CancellationToken cancellationToken)
    {
        var entries = JsonSerializer.Deserialize<DigestPayload>(item.Payload, FollowUpItems.Json)!.Entries;
        entries = await StillDueAsync(item.TenantId, entries, cancellationToken);
        if (entries.Count == 0) return WorkResult.Done;
        var card = FollowUpCards.For(entries);
        var delivery = await messenger.SendAsync(item.TenantId, item.Audience, card.ToActivity(card.FallbackText), cancellationToken, item.BeforeSend);
        return delivery.Delivered
            ? WorkResult.Done
            : await followUps.UndeliveredAsync(delivery, item, entries[0].Recipient, entries.Select(e => e.ProgramId), cancellationToken);
    }

    // Planned at night, sent in working hours: whatever was done in between (a review completed, an action
    // closed, a gap filled, a program deleted) drops its nudge, by asking the plan again with the program as it is now.
    private async Task<IReadOnlyList<DigestEntry>> StillDueAsync(string tenantId, IReadOnlyList<DigestEntry> entries, CancellationToken cancellationToken)
    {
        var kept = new List<DigestEntry>();
        foreach (var group in entries.GroupBy(e => e.ProgramId))
        {
            if (await programs.LoadAsync(tenantId, group.Key, cancellationToken) is not { } program) continue;
            var today = WorkingTime.LocalDate(clock.GetUtcNow(), WorkingTime.ZoneFor(program.Charter.WorkingHours ?? WorkingTime.Default, null));
            var due = FollowUpPlan.Due(program, today, rules).Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
            kept.AddRange(group.Where(e => due.Contains(e.Key)));
        }
        return kept;
    }
}
