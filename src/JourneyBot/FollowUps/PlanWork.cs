using System.Text.Json;
using JourneyBot.Conversations;
using JourneyBot.Domain;
using JourneyBot.Programs;
using JourneyBot.Scheduling;
using JourneyBot.Outreach;
using JourneyBot.People;
using JourneyBot.Storage;

namespace JourneyBot.FollowUps;

// Once a day per program (shortly after midnight in the program's time zone): works out who should hear what
// today, puts each person's nudges into one digest at their next working hour, schedules sponsors' progress
// cards, records what was planned, and schedules tomorrow's planning.
public sealed class PlanWork(ProgramStore programs, FollowUpStore followUps, ConversationStore conversations, ScheduleStore schedule,
    FollowUpRules rules, TimeProvider clock) : IScheduledWork
{
    private static readonly JsonSerializerOptions Json = FollowUpItems.Json;

    public string Kind => FollowUpItems.PlanKind;

    public async Task<WorkResult> RunAsync(ScheduledItem item, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.Deserialize<PlanPayload>(item.Payload, Json)!;
        var loaded = await programs.LoadWithHeaderAsync(item.TenantId, payload.ProgramId, cancellationToken);
        // A deleted program plans nothing more.
        if (loaded is not { Program: var program }) return WorkResult.Done;

        var now = clock.GetUtcNow();
        var hours = program.Charter.WorkingHours ?? WorkingTime.Default;
        var programZone = WorkingTime.ZoneFor(hours, null);
        var today = WorkingTime.LocalDate(now, programZone);
        var planned = await followUps.PlannedAsync(program.Id, cancellationToken);
        var fresh = FollowUpPlan.Due(program, today, rules).Where(f => !planned.Contains(f.Key)).ToList();

        foreach (var person in fresh.GroupBy(f => f.Recipient.AadObjectId))
        {
            var chat = await conversations.GetPersonalChatAsync(program.TenantId, person.Key, cancellationToken);
            var zone = WorkingTime.ZoneFor(hours, chat?.TimeZone);
            var slot = WorkingTime.NextSlot(now, hours, zone);
            foreach (var progress in person.Where(f => f.Kind == FollowUpKind.Progress))
            {
                await schedule.AddAsync(new ScheduledItem(ScheduledItemIds.Progress(program.Id, progress.Key), FollowUpItems.ProgressKind, slot, program.TenantId, person.Key,
                    JsonSerializer.Serialize(new ProgressPayload(program.Id, progress.Recipient, progress.Key) { CardId = progress.CardId }, Json)), cancellationToken);
            }
            var entries = person.Where(f => f.Kind != FollowUpKind.Progress)
                .Select(f => new DigestEntry(f.Key, f.Kind, program.Id, program.Charter.Name, f.Text, f.Recipient) { DepartmentId = f.DepartmentId, ActionId = f.ActionId, MetricId = f.MetricId, DueOn = f.DueOn })
                .ToList();
            // A digest that kept changing past every retry: the day's planning runs again later and adds to it then.
            if (entries.Count > 0 && !await AddToDigestAsync(program.TenantId, person.Key, slot, hours, zone, entries, cancellationToken))
            {
                return new WorkResult(WorkOutcome.RetryLater, "a digest kept changing while nudges were added to it");
            }
        }
        // Recorded after scheduling: a crash in between plans again, and the digest's keys absorb the repeat.
        await followUps.MarkPlannedAsync(program.Id, fresh.Select(f => f.Key), cancellationToken);

        // Names kept on the program that are unknown or old are read again, the charter's and live actions' owners.
        if (NameFreshness.People(program.Charter).Any(p => NameFreshness.IsStale(p, now)))
        {
            await schedule.AddAsync(new ScheduledItem(ScheduledItemIds.Names(program.Id, today), FollowUpItems.NamesKind, now, program.TenantId, program.Id,
                JsonSerializer.Serialize(new PlanPayload(program.Id), Json)), cancellationToken);
        }
        if (program.Actions.Any(a => !a.IsClosed() && NameFreshness.IsStale(a.Owner, now)))
        {
            await schedule.AddAsync(new ScheduledItem(ScheduledItemIds.ActionOwnerNames(program.Id, today), FollowUpItems.ActionOwnerNamesKind, now, program.TenantId, program.Id,
                JsonSerializer.Serialize(new PlanPayload(program.Id), Json)), cancellationToken);
        }

        var tomorrow = today.AddDays(1).ToDateTime(new TimeOnly(0, 30));
        await schedule.AddAsync(FollowUpItems.PlanItem(program.TenantId, program.Id, new DateTimeOffset(tomorrow, programZone.GetUtcOffset(tomorrow)).ToUniversalTime()), cancellationToken);
        return WorkResult.Done;
    }

    // One digest per person and local day: joined while it waits, a new one only once it has gone out.
    private async Task<bool> AddToDigestAsync(string tenantId, string person, DateTimeOffset slot, WorkingHours hours, TimeZoneInfo zone,
        List<DigestEntry> entries, CancellationToken cancellationToken)
    {
        var day = WorkingTime.LocalDate(slot, zone);
        var id = ScheduledItemIds.Digest(tenantId, person, day);
        var dayStart = WorkingTime.NextSlot(new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), zone.GetUtcOffset(day.ToDateTime(TimeOnly.MinValue))), hours, zone);
        for (var attempt = 0; attempt < Contention.Attempts; attempt++)
        {
            var existing = await schedule.GetAsync(id, dayStart, cancellationToken) ?? (slot != dayStart ? await schedule.GetAsync(id, slot, cancellationToken) : null);
            if (existing is null)
            {
                var item = new ScheduledItem(id, FollowUpItems.DigestKind, slot, tenantId, person, JsonSerializer.Serialize(new DigestPayload(entries), Json));
                if (await schedule.AddAsync(item, cancellationToken)) return true;
                await Contention.PauseAsync(attempt, cancellationToken);
                continue;
            }
            if (existing.ClaimedBy is not null)
            {
                id += "+";
                continue;
            }
            var merged = JsonSerializer.Deserialize<DigestPayload>(existing.Payload, Json)!.Entries
                .Concat(entries).DistinctBy(e => e.Key).ToList();
            if (await schedule.ReplacePayloadAsync(existing, JsonSerializer.Serialize(new DigestPayload(merged), Json), cancellationToken)) return true;
            await Contention.PauseAsync(attempt, cancellationToken);
        }
        return false;
    }
}
