using JourneyBot.Bot;
using JourneyBot.Cards;
using JourneyBot.Domain;
using JourneyBot.Programs;
using JourneyBot.Protocol;
using static JourneyBot.Cards.CardResponses;

namespace JourneyBot.Reviews;

// An owner cancels a due review, with a reason. It is recorded as a review that was not held: map health keeps
// counting from the last review held, and the due date stays where it was.
public sealed class CancelHandler(ProgramSessions sessions, ReviewStore reviews, TimeProvider clock) : ICommandSource
{
    public IEnumerable<BotCommand> Commands => [];

    public IEnumerable<CardVerb> Verbs => [new(CancelCards.Verb, CancelAsync)];

    private async Task<InvokeResponse> CancelAsync(TurnContext turn, AdaptiveCardAction action, CancellationToken cancellationToken)
    {
        var opened = await sessions.ForCardAsync(turn, action, cancellationToken, ProgramRole.Owner, "Only the program's owners cancel its review.", withParts: true);
        if (opened.Session is not { } session) return opened.Refusal!;
        var program = opened.Program!;
        var reason = action.GetString(CancelCards.ReasonField)?.Trim() ?? "";
        if (reason.Length == 0) return Card(CancelCards.Form(program.Id, null, "Say why the review is cancelled: sponsors and contributors see it."));
        if (reason.Length > TextLimits.LongText)
        {
            return Card(CancelCards.Form(program.Id, reason[..TextLimits.LongText], $"The reason was {reason.Length:N0} characters; the limit is {TextLimits.LongText:N0}. It was cut to fit: check the end."));
        }
        var review = new Review(Guid.NewGuid().ToString("N"), WorkingTime.Today(clock.GetUtcNow(), program.Charter), session.Caller) { Outcome = ReviewOutcome.Cancelled, Note = reason };
        await reviews.AddAsync(program.Id, review, cancellationToken);
        // A review started and then cancelled starts afresh next time.
        await reviews.ClearStartedAsync(program.Id, cancellationToken);
        return Card(CancelCards.Cancelled(program, review));
    }
}
