using System.Globalization;
using JourneyBot.Map;
using JourneyBot.Bot;
using JourneyBot.Cards;
using JourneyBot.Domain;
using JourneyBot.Programs;
using JourneyBot.Protocol;
using static JourneyBot.Cards.CardResponses;

namespace JourneyBot.FollowUps;

// The sponsor's "Acknowledge" on a progress card: recorded on that card's record (it feeds the
// sponsor-engagement check), and the card updates in place to say so.
public sealed class ProgressHandler(ProgramSessions sessions, FollowUpStore followUps, TimeProvider clock, MapLinks? links = null) : ICommandSource
{
    public IEnumerable<BotCommand> Commands => [];

    public IEnumerable<CardVerb> Verbs => [new(ProgressCards.AcknowledgeVerb, AcknowledgeAsync)];

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
        var update = await followUps.AcknowledgeAsync(program.Id, sentOn, session.Caller.AadObjectId, today, cancellationToken);
        if (update is null) return Card(ProgramCards.Refusal("This progress card was not sent to you; each sponsor acknowledges their own."));
        var snapshot = update.Snapshot ?? Snapshot.Take(program, sentOn);
        return Card(ProgressCards.Build(program, snapshot, null, sentOn, null, update.AcknowledgedOn, links?.For(program.Id)));
    }
}
