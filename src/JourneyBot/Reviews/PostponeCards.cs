using JourneyBot.Cards;
using JourneyBot.Domain;

namespace JourneyBot.Reviews;

// Postponing a due review: a new date and a reason, asked where the reminder is (folded under "Postpone").
public static class PostponeCards
{
    public const string DateField = "postponeTo";
    public const string ReasonField = "postponeReason";

    public static AdaptiveCard Form(string programId, IReadOnlyDictionary<string, string>? values = null, IReadOnlyDictionary<string, string>? errors = null)
    {
        var card = new AdaptiveCard { FallbackText = "Postpone the review" };
        if (errors is { Count: > 0 })
        {
            card.Add(new TextBlock("Not postponed yet:") { Color = TextColor.Attention, Weight = TextWeight.Bolder });
            foreach (var error in errors.Values) card.Add(new TextBlock(error) { Color = TextColor.Attention, Size = TextSize.Small, Spacing = "none" });
        }
        card.Add(
            new InputDate(DateField, "New date") { Value = values?.GetValueOrDefault(DateField), IsRequired = true },
            new InputText(ReasonField, "Why it moves") { Value = values?.GetValueOrDefault(ReasonField), IsMultiline = true, MaxLength = TextLimits.LongText, IsRequired = true });
        card.AddActions(new CardExecuteAction("Postpone", CardVerbs.ReviewPostpone) { Data = new Dictionary<string, string> { [CardData.ProgramId] = programId } });
        return card;
    }

    public static AdaptiveCard Postponed(JourneyProgram program, Review review) => new AdaptiveCard { FallbackText = "Review postponed" }
        .Add(
            new TextBlock($"Review postponed to {review.PostponedTo:d MMM yyyy}") { Size = TextSize.Medium, Weight = TextWeight.Bolder },
            new TextBlock($"Reason: {CardText.Literal(review.Note ?? "")}"),
            new TextBlock($"Program: {CardText.Literal(program.Charter.Name)}. A postponed review is not a held one: map health counts from the last review held.") { IsSubtle = true, Size = TextSize.Small });
}
