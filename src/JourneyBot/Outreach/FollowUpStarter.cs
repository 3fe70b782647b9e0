using JourneyBot.Scheduling;

namespace JourneyBot.Outreach;

// From the day a program collects touchpoints it is followed up: its nudges, review reminders and progress cards
// are planned daily. Opening collection in chat and importing a collecting program both start it here.
public sealed class FollowUpStarter(ScheduleStore schedule, TimeProvider clock)
{
    public Task StartAsync(string tenantId, string programId, CancellationToken cancellationToken) =>
        schedule.AddAsync(FollowUpItems.PlanItem(tenantId, programId, clock.GetUtcNow()), cancellationToken);
}
