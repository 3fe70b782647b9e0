using System.Globalization;
using JourneyBot.Bot;
using JourneyBot.Cards;
using JourneyBot.Domain;
using JourneyBot.Programs;
using JourneyBot.Protocol;
using static JourneyBot.Cards.CardResponses;

namespace JourneyBot.Reviews;

// An owner postpones a due review to a new date or cancels it, each with a reason. Either is recorded as a review
// that was not held, so map health keeps counting from the last review held; a postponed one moves the reminder
// to the new date, a cancelled one leaves the review due.
public sealed class UnheldReviewHandler(ProgramSessions sessions, ReviewStore reviews, TimeProvider clock) : ICommandSource
{
    public IEnumerable<BotCommand> Commands => [];

    public IEnumerable<CardVerb> Verbs => [new(CardVerbs.ReviewPostpone, PostponeAsync), new(CardVerbs.ReviewCancel, CancelAsync)];

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
        values[PostponeCards.DateField] = dateText.Length > 10 ? dateText[..10] : dateText;
        if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to))
        {
            errors[PostponeCards.DateField] = "Pick the new date for the review.";
        }
        else if (to <= today || to > today.AddDays(cadence))
        {
            // Further than a cadence away is skipping a review, not postponing it.
            errors[PostponeCards.DateField] = $"The new date is after today and at most {cadence} days away (one review cadence).";
        }
        var (reason, kept, problem) = Reason(action, PostponeCards.ReasonField, "Say why the review moves: sponsors and contributors see it.");
        values[PostponeCards.ReasonField] = kept;
        if (problem is not null) errors[PostponeCards.ReasonField] = problem;
        if (errors.Count > 0) return Card(PostponeCards.Form(program.Id, values, errors));

        var review = await RecordAsync(program, session, ReviewOutcome.Postponed, reason!, cancellationToken, to);
        return Card(PostponeCards.Postponed(program, review));
    }

    private async Task<InvokeResponse> CancelAsync(TurnContext turn, AdaptiveCardAction action, CancellationToken cancellationToken)
    {
        var opened = await sessions.ForCardAsync(turn, action, cancellationToken, ProgramRole.Owner, "Only the program's owners cancel its review.", withParts: true);
        if (opened.Session is not { } session) return opened.Refusal!;
        var program = opened.Program!;
        var (reason, kept, problem) = Reason(action, CancelCards.ReasonField, "Say why the review is cancelled: sponsors and contributors see it.");
        if (problem is not null) return Card(CancelCards.Form(program.Id, kept.Length == 0 ? null : kept, problem));

        var review = await RecordAsync(program, session, ReviewOutcome.Cancelled, reason!, cancellationToken);
        // A review started and then cancelled starts afresh next time.
        await reviews.ClearStartedAsync(program.Id, cancellationToken);
        return Card(CancelCards.Cancelled(program, review));
    }

    // The reason as typed (null when it cannot be saved), what the form shows again, and what is wrong with it.
    private static (string? Reason, string Kept, string? Problem) Reason(AdaptiveCardAction action, string field, string whenMissing)
    {
        var reason = action.GetString(field)?.Trim() ?? "";
        if (reason.Length == 0) return (null, "", whenMissing);
        if (reason.Length > TextLimits.LongText)
        {
            return (null, reason[..TextLimits.LongText], $"The reason was {reason.Length:N0} characters; the limit is {TextLimits.LongText:N0}. It was cut to fit: check the end.");
        }
        return (reason, reason, null);
    }

    private async Task<Review> RecordAsync(JourneyProgram program, ProgramSession session, ReviewOutcome outcome, string reason, CancellationToken cancellationToken, DateOnly? postponedTo = null)
    {
        var review = new Review(Guid.NewGuid().ToString("N"), WorkingTime.Today(clock.GetUtcNow(), program.Charter), session.Caller)
        {
            Outcome = outcome, Note = reason, PostponedTo = postponedTo,
        };
        await reviews.AddAsync(program.Id, review, cancellationToken);
        return review;
    }
}
