using System.Text.Json;
using JourneyBot.Conversations;
using JourneyBot.Domain;
using JourneyBot.Outreach;
using JourneyBot.Programs;
using JourneyBot.Scheduling;

namespace JourneyBot.Actions;

public sealed record YouSaidPayload(string ProgramId, string ActionId, Person Recipient);

// "You said, we did": when an action made from a touchpoint's pain point is done, the person who recorded the
// touchpoint and its department's contacts hear what came of it. Each person's card is one scheduled item, sent in
// their working hours; a marker in the program's planned partition makes it once per person per action, so a
// restart, a redelivered click or a second "done" after reopening sends nothing new.
public sealed class YouSaidWork(ProgramStore programs, PersonalMessenger messenger, FollowUpStore followUps,
    ScheduleStore schedule, ConversationStore conversations, MapLinks links, TimeProvider clock) : IScheduledWork
{
    public const string WorkKind = "yousaid";

    public string Kind => WorkKind;

    // The people to tell: the touchpoint's recorder and its department's contacts who are still in the program,
    // each once, but not the person who marked it done (they know).
    public static IReadOnlyList<Person> Recipients(JourneyProgram program, Touchpoint touchpoint, string doneBy)
    {
        var contacts = program.Charter.Departments.FirstOrDefault(d => d.Id == touchpoint.DepartmentId)?.Contacts ?? [];
        return new[] { touchpoint.CreatedBy }.Concat(contacts)
            .Where(p => !ErasedPerson.Is(p) && p.AadObjectId != doneBy
                && ProgramRoles.Of(program.Charter, p.AadObjectId) != ProgramRole.None)
            .DistinctBy(p => p.AadObjectId, StringComparer.Ordinal).ToList();
    }

    // The touchpoint an action came from, when it has a pain point to report back on.
    public static Touchpoint? Source(JourneyProgram program, ImprovementAction action) =>
        action.TouchpointId is { } id && program.Touchpoints.FirstOrDefault(t => t.Id == id) is { } touchpoint
        && touchpoint.HasPainPoints() ? touchpoint : null;

    // Called where an action's change to Done is saved. Returns how many cards were queued.
    public async Task<int> QueueAsync(JourneyProgram program, ImprovementAction action, string doneBy,
        CancellationToken cancellationToken)
    {
        if (Source(program, action) is not { } touchpoint) return 0;
        var hours = program.Charter.WorkingHours ?? WorkingTime.Default;
        var queued = 0;
        foreach (var person in Recipients(program, touchpoint, doneBy))
        {
            var id = ScheduledItemIds.YouSaid(program.Id, action.Id, person.AadObjectId);
            if (await followUps.IsPlannedAsync(program.Id, id, cancellationToken)) continue;
            var chat = await conversations.GetPersonalChatAsync(
                program.TenantId, person.AadObjectId, cancellationToken);
            var at = WorkingTime.NextSlot(clock.GetUtcNow(), hours, WorkingTime.ZoneFor(hours, chat?.TimeZone));
            var payload = JsonSerializer.Serialize(
                new YouSaidPayload(program.Id, action.Id, person), FollowUpItems.Json);

            await schedule.AddAsync(new ScheduledItem(id, WorkKind, at, program.TenantId, person.AadObjectId, payload),
                cancellationToken);
            // Marked once queued: the item id alone is unique only per due minute, the marker for good.
            await followUps.MarkPlannedAsync(program.Id, [id], cancellationToken);
            queued++;
        }
        return queued;
    }

    public async Task<WorkResult> RunAsync(ScheduledItem item, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.Deserialize<YouSaidPayload>(item.Payload, FollowUpItems.Json)!;
        if (await programs.LoadAsync(item.TenantId, payload.ProgramId, cancellationToken) is not { } program)
        {
            return WorkResult.Done;
        }
        var recipient = payload.Recipient.AadObjectId;
        // Reopened before the card went out, or the person has left the program since: nothing to tell them.
        if (program.Actions.FirstOrDefault(a => a.Id == payload.ActionId) is not { Status: ActionStatus.Done } action
            || Source(program, action) is not { } touchpoint
            || ProgramRoles.Of(program.Charter, recipient) == ProgramRole.None)
        {
            return WorkResult.Done;
        }
        var hours = program.Charter.WorkingHours ?? WorkingTime.Default;
        var chat = await conversations.GetPersonalChatAsync(item.TenantId, recipient, cancellationToken);
        var zone = WorkingTime.ZoneFor(hours, chat?.TimeZone);
        var now = clock.GetUtcNow();
        if (!WorkingTime.IsWorkingTime(now, hours, zone))
        {
            return WorkResult.Later(WorkingTime.NextSlot(now, hours, zone), "outside the person's working hours");
        }
        var card = YouSaidCards.Build(program, touchpoint, action, payload.Recipient, links.For(program.Id));
        var delivery = await messenger.SendAsync(item.TenantId, recipient, card.ToActivity(card.FallbackText),
            cancellationToken);
        if (delivery.Delivered)
        {
            // Kept after sending too, for an item queued by a run that stopped before it marked it.
            await followUps.MarkPlannedAsync(program.Id, [item.Id], cancellationToken);
            return WorkResult.Done;
        }
        return await followUps.UndeliveredAsync(delivery, item, payload.Recipient, [program.Id], cancellationToken);
    }
}
