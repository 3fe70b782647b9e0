using System.Text.Json;
using JourneyBot.Domain;
using JourneyBot.Programs;
using JourneyBot.Scheduling;
using JourneyBot.Outreach;
using JourneyBot.People;

namespace JourneyBot.Actions;

// The owners of live actions keep names that are read again like the charter's (planned with the day's
// follow-ups): someone picked from outside the program and named by nobody then, or renamed since, is shown as
// they are now. Names the charter holds fresh are used as they are; the sources are asked only for the rest.
public sealed partial class ActionOwnerNamesWork(ProgramStore programs, ActionStore actions, NameLookup lookup, TimeProvider clock, ILogger<ActionOwnerNamesWork> log)
    : IScheduledWork
{
    private const int MaxPerRun = 100;
    private const string Editor = "JourneyBot (names from the directory)";

    public string Kind => FollowUpItems.ActionOwnerNamesKind;

    public async Task<WorkResult> RunAsync(ScheduledItem item, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.Deserialize<PlanPayload>(item.Payload, FollowUpItems.Json)!;
        if (await programs.LoadAsync(item.TenantId, payload.ProgramId, cancellationToken) is not { } program) return WorkResult.Done;
        var now = clock.GetUtcNow();
        var stale = program.Actions.Where(a => !a.IsClosed() && NameFreshness.IsStale(a.Owner, now)).ToList();
        if (stale.Count == 0) return WorkResult.Done;

        var named = NameFreshness.People(program.Charter).Where(p => !NameFreshness.IsStale(p, now)).ToDictionary(p => p.AadObjectId);
        var unknown = stale.Select(a => a.Owner.AadObjectId).Where(id => !named.ContainsKey(id)).Distinct().Take(MaxPerRun).ToList();
        foreach (var (id, person) in await lookup.AgainAsync(item.TenantId, unknown, cancellationToken)) named[id] = person;

        var renamed = 0;
        foreach (var action in stale)
        {
            if (!named.TryGetValue(action.Owner.AadObjectId, out var person)) continue;
            // Read again: an owner may have changed the action since the program was loaded; then it waits a night.
            if (await actions.GetAsync(program.Id, action.Id, cancellationToken) is not { } stored || stored.Action.Owner.AadObjectId != person.AadObjectId) continue;
            if (await actions.UpdateAsync(program.Id, stored, stored.Action with { Owner = person }, Editor, cancellationToken)) renamed++;
        }
        LogRenamed(log, renamed, stale.Count);
        return WorkResult.Done;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Action owners' names read again: {Renamed} of {Stale} stale")]
    private static partial void LogRenamed(ILogger logger, int renamed, int stale);
}
