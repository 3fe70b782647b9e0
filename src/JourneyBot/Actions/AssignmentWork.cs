using System.Text.Json;
using JourneyBot.Conversations;
using JourneyBot.Domain;
using JourneyBot.Programs;
using JourneyBot.Scheduling;
using JourneyBot.Outreach;

namespace JourneyBot.Actions;

public sealed record AssignmentPayload(string ProgramId, string ActionId, string OwnerAadObjectId, bool HandedBack = false);

// Tells a person they were given an action (or got one back). Sent through the scheduler, so the click that saved
// the action never waits on Teams, and a restart does not lose the message.
public sealed class AssignmentWork(ProgramStore programs, ActionStore actions, PersonalMessenger messenger, FollowUpStore followUps, ScheduleStore schedule, TimeProvider clock)
    : IScheduledWork
{
    public const string WorkKind = "assignment";

    public string Kind => WorkKind;

    public Task QueueAsync(JourneyProgram program, ImprovementAction action, bool handedBack, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.Serialize(new AssignmentPayload(program.Id, action.Id, action.Owner.AadObjectId, handedBack), FollowUpItems.Json);
        var id = ScheduledItemIds.Assignment(program.Id, action.Id, action.Owner.AadObjectId);
        return schedule.AddAsync(new ScheduledItem(id, WorkKind, clock.GetUtcNow(), program.TenantId, action.Owner.AadObjectId, payload), cancellationToken);
    }

    public async Task<WorkResult> RunAsync(ScheduledItem item, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.Deserialize<AssignmentPayload>(item.Payload, FollowUpItems.Json)!;
        if (await programs.LoadAsync(item.TenantId, payload.ProgramId, cancellationToken) is not { } program) return WorkResult.Done;
        var stored = await actions.GetAsync(program.Id, payload.ActionId, cancellationToken);
        // Closed, or given to someone else meanwhile: this card would be news about nothing.
        if (stored?.Action is not { } action || action.IsClosed() || action.Owner.AadObjectId != payload.OwnerAadObjectId) return WorkResult.Done;
        var card = AssignmentCards.Assigned(program, action, payload.HandedBack);
        var delivery = await messenger.SendAsync(item.TenantId, action.Owner.AadObjectId, card.ToActivity(card.FallbackText), cancellationToken);
        return delivery.Delivered ? WorkResult.Done : await followUps.UndeliveredAsync(delivery, item, action.Owner, [program.Id], cancellationToken);
    }
}
