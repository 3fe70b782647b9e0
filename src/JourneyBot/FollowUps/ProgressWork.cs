using System.Text.Json;
using JourneyBot.Map;
using JourneyBot.Conversations;
using JourneyBot.Domain;
using JourneyBot.Programs;
using JourneyBot.Scheduling;
using JourneyBot.Outreach;
using JourneyBot.Health;
using JourneyBot.Pictures;

namespace JourneyBot.FollowUps;

// Sends a sponsor the program's progress card, built from the program as it is at sending time, and records
// it with its snapshot so the next card can say what changed.
public sealed partial class ProgressWork(ProgramStore programs, PersonalMessenger messenger, FollowUpStore followUps, TimeProvider clock, MapLinks? links = null, MapSnapshotStore? mapSnapshots = null, ILogger<ProgressWork>? logger = null,
    ProgressPictures? pictures = null) : IScheduledWork
{
    public string Kind => FollowUpItems.ProgressKind;

    public async Task<WorkResult> RunAsync(ScheduledItem item, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.Deserialize<ProgressPayload>(item.Payload, FollowUpItems.Json)!;
        if (await programs.LoadAsync(item.TenantId, payload.ProgramId, cancellationToken) is not { } program) return WorkResult.Done;
        var zone = WorkingTime.ZoneFor(program.Charter.WorkingHours ?? WorkingTime.Default, null);
        var today = WorkingTime.LocalDate(clock.GetUtcNow(), zone);
        var sponsor = payload.Sponsor.AadObjectId;
        // Planned for a sponsor who has since left the program: the card is no longer theirs to read.
        if (!program.Charter.Sponsors.Any(s => s.AadObjectId == sponsor)) return WorkResult.Done;
        var snapshot = MapHealth.TakeSnapshot(program, today);
        var cardId = payload.Card();
        var before = program.ProgressUpdates.Where(c => c.Id != cardId && c.WentTo(sponsor) && c.Snapshot is not null).OrderBy(c => c.SentOn).LastOrDefault()?.Snapshot
                     ?? program.Reviews.Where(r => r.Snapshot is not null).OrderBy(r => r.CompletedOn).LastOrDefault()?.Snapshot;
        var reviewDue = FollowUpPlan.NextReviewDue(program);
        var picture = pictures is null ? null : await pictures.PrepareAsync(program, snapshot, cardId, cancellationToken);
        var card = ProgressCards.Build(program, snapshot, before, today, reviewDue < today ? reviewDue : null, mapLink: links?.For(program.Id), cardId: cardId,
            picture: picture);

        var delivery = await messenger.SendAsync(item.TenantId, sponsor, card.ToActivity(card.FallbackText), cancellationToken);
        if (delivery.Delivered)
        {
            // Sent is sent: a record that kept changing past every retry is logged, never a reason to send again.
            if (await followUps.RecordProgressSentAsync(program.Id, cardId, sponsor, today, snapshot, cancellationToken) is null)
            {
                LogNotRecorded(log, cardId, program.Id);
            }
            if (mapSnapshots is not null) await mapSnapshots.TrySaveAsync(program.Id, MapSnapshotStore.ForProgressCard(today), program, today, cancellationToken);
            return WorkResult.Done;
        }
        return await followUps.UndeliveredAsync(delivery, item, payload.Sponsor, [program.Id], cancellationToken);
    }

    private readonly ILogger log = (ILogger?)logger ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Progress card {CardId} of program {ProgramId} went out but its record kept changing; not recorded")]
    private static partial void LogNotRecorded(ILogger logger, string cardId, string programId);
}
