using System.Text.Json;
using JourneyBot.Actions;
using JourneyBot.Conversations;
using JourneyBot.Domain;
using JourneyBot.Programs;
using JourneyBot.Readings;
using JourneyBot.Scheduling;
using JourneyBot.Outreach;

namespace JourneyBot.FollowUps;

// Sends a person's nudges for the day as one message. Someone who cannot be reached is recorded on each
// program concerned, so its owners see who and why.
public sealed class DigestWork(PersonalMessenger messenger, FollowUpStore followUps, RecheckReads reads, ActionStore actions,
    ReadingStore readings, TimeProvider clock)
    : IScheduledWork
{
    public string Kind => FollowUpItems.DigestKind;

    public async Task<WorkResult> RunAsync(ScheduledItem item, CancellationToken cancellationToken)
    {
        var entries = JsonSerializer.Deserialize<DigestPayload>(item.Payload, FollowUpItems.Json)!.Entries;
        entries = await StillDueAsync(item.TenantId, entries, cancellationToken);
        if (entries.Count == 0) return WorkResult.Done;
        var card = FollowUpCards.For(entries);
        var delivery = await messenger.SendAsync(item.TenantId, item.Audience, card.ToActivity(card.FallbackText), cancellationToken);
        return delivery.Delivered
            ? WorkResult.Done
            : await followUps.UndeliveredAsync(delivery, item, entries[0].Recipient, entries.Select(e => e.ProgramId), cancellationToken);
    }

    // Planned at night, sent in working hours: a review completed or an action closed in between drops its nudge,
    // and a deleted program drops them all. The charter and reviews come from what the batch's other sends of the
    // program read (RecheckReads), so the re-check costs a read per program, not per send.
    private async Task<IReadOnlyList<DigestEntry>> StillDueAsync(string tenantId, IReadOnlyList<DigestEntry> entries, CancellationToken cancellationToken)
    {
        var kept = new List<DigestEntry>();
        foreach (var group in entries.GroupBy(e => e.ProgramId))
        {
            if (await reads.HeaderAsync(tenantId, group.Key, cancellationToken) is not { } program) continue;
            var today = WorkingTime.Today(clock.GetUtcNow(), program.Charter);
            DateOnly? reviewDue = null;
            foreach (var entry in group)
            {
                switch (entry.Kind)
                {
                    case FollowUpKind.ReviewDue or FollowUpKind.ReviewReminder:
                        // The plan's own rule (held reviews, postponements), over the program's review rows only.
                        reviewDue ??= FollowUpPlan.NextReviewDue(new JourneyProgram
                        {
                            Id = program.Id, TenantId = program.TenantId, Charter = program.Charter, CollectionOpenedOn = program.CollectionOpenedOn,
                            Reviews = await reads.ReviewsAsync(program.Id, cancellationToken),
                        }) ?? DateOnly.MaxValue;
                        if (reviewDue <= today) kept.Add(entry);
                        break;
                    case FollowUpKind.ActionOverdue:
                        var action = entry.ActionId is { } id ? (await actions.GetAsync(program.Id, id, cancellationToken))?.Action : null;
                        if (action is not null && action.IsOverdue(today) && action.Owner.AadObjectId == entry.Recipient.AadObjectId) kept.Add(entry);
                        break;
                    case FollowUpKind.ReadingDue:
                        // Recorded since it fell due (in chat, or imported): nothing left to ask.
                        var metric = program.Charter.Metrics.FirstOrDefault(m => m.Id == entry.MetricId);
                        if (metric is null || entry.DueOn is not { } dueOn) break;
                        var since = dueOn.AddDays(-metric.DaysBetweenReadings());
                        var figures = await readings.OfMetricAsync(program.Id, metric.Id, cancellationToken);
                        if (figures.All(r => r.On <= since) && ReadingSchedule.AskedOf(program.Charter, metric)
                            .Any(p => p.AadObjectId == entry.Recipient.AadObjectId)) kept.Add(entry);
                        break;
                    default:
                        kept.Add(entry);
                        break;
                }
            }
        }
        return kept;
    }
}
