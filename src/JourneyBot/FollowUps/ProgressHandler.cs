using JourneyBot.Scheduling;
using System.Globalization;
using JourneyBot.Bot;
using JourneyBot.Cards;
using JourneyBot.Domain;
using JourneyBot.Programs;
using JourneyBot.Protocol;
using JourneyBot.Outreach;
using JourneyBot.Health;
using static JourneyBot.Cards.CardResponses;

namespace JourneyBot.FollowUps;

// The sponsor's "Acknowledge" on a progress card: recorded on that card's record (it feeds the
// sponsor-engagement check), and the card updates in place to say so.
public sealed class ProgressHandler(ProgramSessions sessions, FollowUpStore followUps, ScheduleStore schedule, TimeProvider clock, MapLinks? links = null,
    Pictures.ProgressPictures? pictures = null) : ICommandSource
{

    public IEnumerable<BotCommand> Commands =>
        [new("send progress", "Send every sponsor the progress card now, instead of waiting a review cadence (owners).", SendNowCommandAsync) { Step = WorkflowStep.Review }];

    public IEnumerable<CardVerb> Verbs => [new(CardVerbs.ProgressAcknowledge, AcknowledgeAsync), new(CardVerbs.ProgressSendNow, SendNowAsync)];

    private async Task SendNowCommandAsync(TurnContext turn, string _, CancellationToken cancellationToken)
    {
        if (await sessions.ResolveOrExplainAsync(turn, cancellationToken) is not { } resolved) return;
        var (session, program) = resolved;
        await turn.SendActivityAsync((await SendNowAsync(session, program, cancellationToken)).ToActivity(), cancellationToken);
    }

    private async Task<InvokeResponse> SendNowAsync(TurnContext turn, AdaptiveCardAction action, CancellationToken cancellationToken)
    {
        var opened = await sessions.ForCardAsync(turn, action, cancellationToken, withParts: true);
        if (opened.Session is not { } session) return opened.Refusal!;
        return Card(await SendNowAsync(session, opened.Program!, cancellationToken));
    }

    // Queued like the planned cards (paced, working hours of the sender's click aside), one per sponsor per minute at most.
    private async Task<Cards.AdaptiveCard> SendNowAsync(ProgramSession session, JourneyProgram program, CancellationToken cancellationToken)
    {
        if (!session.Can(ProgramRole.Owner)) return ProgramCards.Refusal("Only the program's owners send progress cards; sponsors get theirs every review cadence.");
        // An erased sponsor is kept in the charter for the counts, but nobody is there to send to.
        var sponsors = CharterRules.SponsorsOtherThanOwners(program.Charter).Where(s => !ErasedPerson.Is(s)).ToList();
        if (sponsors.Count == 0) return ProgramCards.Refusal("This program has no sponsor besides its owners yet: add one in the charter's people step (type **program**, then Edit).");
        var now = clock.GetUtcNow();
        // One card to every sponsor: their copies share its id, so it is kept as one row with all of them.
        var key = ProgressPayload.SentNowCardId(now);
        foreach (var sponsor in sponsors)
        {
            await schedule.AddAsync(new ScheduledItem(ScheduledItemIds.ProgressNow(program.Id, key, sponsor.AadObjectId), FollowUpItems.ProgressKind, now, program.TenantId, sponsor.AadObjectId,
                System.Text.Json.JsonSerializer.Serialize(new ProgressPayload(program.Id, sponsor, key, key), FollowUpItems.Json)), cancellationToken);
        }
        return new Cards.AdaptiveCard { FallbackText = "Progress cards on their way" }.Add(
            new TextBlock($"Progress cards are on their way to {CardText.Literal(string.Join(", ", sponsors.Select(s => s.DisplayName)))}.") { Weight = TextWeight.Bolder },
            new TextBlock("Each shows the program as it is now and what changed since their last card; their acknowledgements count for the sponsor check in **health**.") { IsSubtle = true });
    }

    private async Task<InvokeResponse> AcknowledgeAsync(TurnContext turn, AdaptiveCardAction action, CancellationToken cancellationToken)
    {
        var opened = await sessions.ForCardAsync(turn, action, cancellationToken, withParts: true);
        if (opened.Session is not { } session) return opened.Refusal!;
        var program = opened.Program!;
        if (!DateOnly.TryParseExact(action.GetString("sentOn"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var sentOn))
        {
            return Card(ProgramCards.Refusal("This card does not say when it was sent, so it cannot be acknowledged."));
        }
        var today = WorkingTime.Today(clock.GetUtcNow(), program.Charter);
        var cardId = action.GetString(CardData.CardId);
        if (cardId is not null && !PlainId.IsValid(cardId)) return Card(ProgramCards.Refusal("This card does not say which progress card it is, so it cannot be acknowledged."));
        var acknowledged = await followUps.AcknowledgeAsync(program.Id, cardId, sentOn, session.Caller.AadObjectId, today, cancellationToken);
        if (acknowledged.Busy)
        {
            return Card(ProgramCards.Refusal("Other sponsors were acknowledging this card at the same moment, so yours is not recorded yet: " +
                                             "press Acknowledge again."));
        }
        if (acknowledged.Card is not { } card) return Card(ProgramCards.Refusal("This progress card was not sent to you; each sponsor acknowledges their own."));
        var snapshot = card.Snapshot ?? MapHealth.TakeSnapshot(program, sentOn);
        // The acknowledged card keeps its picture: the same snapshot, so the same picture under a fresh link.
        var picture = pictures is null || cardId is null ? null : await pictures.PrepareAsync(program, snapshot, cardId, cancellationToken);
        return Card(ProgressCards.Build(program, snapshot, null, sentOn, null, card.AcknowledgementBy(session.Caller.AadObjectId)?.On, links?.For(program.Id), cardId,
            picture));
    }
}
