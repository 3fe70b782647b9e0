using System.Text.Json;
using JourneyBot.Domain;
using JourneyBot.Programs;
using JourneyBot.Scheduling;
using JourneyBot.Outreach;
using JourneyBot.People;

namespace JourneyBot.Charters;

// Reads again the names a program keeps that are unknown or old (planned with the day's follow-ups) and writes
// back those that changed or were confirmed. Bounded per run: a huge program catches up over a few nights.
public sealed partial class NameRefreshWork(ProgramStore programs, CharterStore charters, NameLookup lookup, TimeProvider clock, ILogger<NameRefreshWork> log) : IScheduledWork
{
    private const int MaxPerRun = 100;
    private static readonly Person Editor = new("journeybot", "JourneyBot (names from the directory)");

    public string Kind => FollowUpItems.NamesKind;

    public async Task<WorkResult> RunAsync(ScheduledItem item, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.Deserialize<PlanPayload>(item.Payload, FollowUpItems.Json)!;
        var header = await programs.LoadHeaderAsync(item.TenantId, payload.ProgramId, cancellationToken);
        if (header is null) return WorkResult.Done;
        var now = clock.GetUtcNow();
        var stale = NameFreshness.People(header.Charter).Where(p => NameFreshness.IsStale(p, now)).Take(MaxPerRun).Select(p => p.AadObjectId).ToList();
        if (stale.Count == 0) return WorkResult.Done;
        var named = await lookup.AgainAsync(item.TenantId, stale, cancellationToken);
        if (named.Count == 0) return WorkResult.Done;

        // An owner saving meanwhile wins; the names are applied to what they saved.
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var renamed = NameFreshness.Rename(header.Charter, named);
            try
            {
                await charters.SaveAsync(header, renamed, Editor, cancellationToken);
                LogRefreshed(log, named.Count, stale.Count);
                return WorkResult.Done;
            }
            catch (CharterChangedException e)
            {
                header = e.Latest;
            }
        }
        return WorkResult.Done;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Names read again: {Named} of {Stale} stale")]
    private static partial void LogRefreshed(ILogger logger, int named, int stale);
}
