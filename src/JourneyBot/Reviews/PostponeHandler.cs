using System.Globalization;
using JourneyBot.Bot;
using JourneyBot.Cards;
using JourneyBot.Domain;
using JourneyBot.Programs;
using JourneyBot.Protocol;
using static JourneyBot.Cards.CardResponses;

namespace JourneyBot.Reviews;

// An owner postpones a due review to a new date, with a reason. It is recorded as a review that was not held,
// so map health keeps counting from the last review held, and the reminder moves to the new date.
public sealed class PostponeHandler(ProgramSessions sessions, ReviewStore reviews, TimeProvider clock) : ICommandSource
{
    public IEnumerable<BotCommand> Commands => [];

    public IEnumerable<CardVerb> Verbs => [new(PostponeCards.Verb, PostponeAsync)];

    private async Task<InvokeResponse> PostponeAsync(TurnContext turn, AdaptiveCardAction action, CancellationToken cancellationToken)
    {
        var opened = await sessions.ForCardAsync(turn, action, cancellationToken, ProgramRole.Owner, "Only the program's owners postpone its review.", withParts: true);
        if (opened.Session is not { } session) return opened.Refusal!;
        var program = opened.Program!;
        var today = WorkingTime.Today(clock.GetUtcNow(), program.Charter);
        var cadence = program.Charter.ReviewCadenceDays;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var dateText = action.GetString(PostponeCards.DateField)?.Trim() ?? "";
        var reason = action.GetString(PostponeCards.ReasonField)?.Trim() ?? "";
        values[PostponeCards.DateField] = dateText.Length > 10 ? dateText[..10] : dateText;
        values[PostponeCards.ReasonField] = reason.Length > TextLimits.LongText ? reason[..TextLimits.LongText] : reason;
        if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to))
        {
            errors[PostponeCards.DateField] = "Pick the new date for the review.";
        }
        else if (to <= today || to > today.AddDays(cadence))
        {
            // Further than a cadence away is skipping a review, not postponing it.
            errors[PostponeCards.DateField] = $"The new date is after today and at most {cadence} days away (one review cadence).";
        }
        if (reason.Length == 0) errors[PostponeCards.ReasonField] = "Say why the review moves: sponsors and contributors see it.";
        else if (reason.Length > TextLimits.LongText) errors[PostponeCards.ReasonField] = $"The reason was {reason.Length:N0} characters; the limit is {TextLimits.LongText:N0}. It was cut to fit: check the end.";
        if (errors.Count > 0) return Card(PostponeCards.Form(program.Id, values, errors));

        var review = new Review(Guid.NewGuid().ToString("N"), today, session.Caller) { Outcome = ReviewOutcome.Postponed, PostponedTo = to, Note = reason };
        await reviews.AddAsync(program.Id, review, cancellationToken);
        return Card(PostponeCards.Postponed(program, review));
    }
}
