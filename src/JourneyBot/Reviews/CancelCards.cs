using JourneyBot.Cards;
using JourneyBot.Domain;

namespace JourneyBot.Reviews;

// Cancelling a due review outright, with the reason, asked where the reminder is (folded under "Cancel this review").
public static class CancelCards
{
    public const string ReasonField = "cancelReason";

    public static AdaptiveCard Form(string programId, string? reason = null, string? error = null)
    {
        var card = new AdaptiveCard { FallbackText = "Cancel the review" };
        if (error is not null) card.Add(new TextBlock($"Not cancelled yet: {CardText.Literal(error)}") { Color = TextColor.Attention, Weight = TextWeight.Bolder });
        card.Add(
            new TextBlock("A cancelled review is not a held one: the review stays due, and map health counts from the last review held.") { IsSubtle = true, Size = TextSize.Small },
            new InputText(ReasonField, "Why it is cancelled") { Value = reason, IsMultiline = true, MaxLength = TextLimits.LongText, IsRequired = true });
        card.AddActions(new CardExecuteAction("Cancel the review", CardVerbs.ReviewCancel) { Style = "destructive", Data = new Dictionary<string, string> { [CardData.ProgramId] = programId } });
        return card;
    }

    public static AdaptiveCard Cancelled(JourneyProgram program, Review review) => new AdaptiveCard { FallbackText = "Review cancelled" }
        .Add(
            new TextBlock("Review cancelled") { Size = TextSize.Medium, Weight = TextWeight.Bolder },
            new TextBlock($"Reason: {CardText.Literal(review.Note ?? "")}"),
            new TextBlock($"Program: {CardText.Literal(program.Charter.Name)}. The review is still due: start it or postpone it to a date when it can happen.") { IsSubtle = true, Size = TextSize.Small })
        .AddActions(
            new CardExecuteAction("Start the review", CardVerbs.ReviewStart) { Data = new Dictionary<string, string> { [CardData.ProgramId] = program.Id } },
            new CardShowAction("Postpone", PostponeCards.Form(program.Id)));
}
