using System.Globalization;
using JourneyBot.Cards;
using JourneyBot.Domain;

namespace JourneyBot.Actions;

// The card that closes the loop with the people who reported a pain: what they said, what was done about it, by
// whom, and what the metric it should move has done since.
public static class YouSaidCards
{
    public static AdaptiveCard Build(JourneyProgram program, Touchpoint touchpoint, ImprovementAction action,
        Person recipient, Uri? mapLink = null)
    {
        var charter = program.Charter;
        var pain = touchpoint.PainPointList().FirstOrDefault(p => p.Id == action.PainPointId)?.Text
                   ?? touchpoint.PainText();
        var stage = charter.Stages.FirstOrDefault(s => s.Id == touchpoint.StageId)?.Name ?? touchpoint.StageId;
        var department = charter.Departments.FirstOrDefault(d => d.Id == touchpoint.DepartmentId)?.Name
                         ?? touchpoint.DepartmentId;
        var yours = touchpoint.CreatedBy.AadObjectId == recipient.AadObjectId;
        var reported = yours
            ? $"You reported this pain at {CardText.Literal(CardText.Shorten(stage, 60))}:"
            : $"{CardText.Literal(touchpoint.CreatedBy.DisplayName)} of {CardText.Literal(department)} reported " +
              $"this pain at {CardText.Literal(CardText.Shorten(stage, 60))}:";
        var card = new AdaptiveCard { FallbackText = $"You said, we did: {action.Title}" };
        card.Add(
            new TextBlock("You said, we did") { Size = TextSize.Medium, Weight = TextWeight.Bolder },
            new TextBlock($"In {CardText.Literal(charter.Name)}.") { IsSubtle = true, Spacing = "none" },
            new TextBlock(reported) { Separator = true },
            new TextBlock(CardText.Literal(CardText.Shorten(pain, 600)))
            {
                Weight = TextWeight.Bolder, Spacing = "none",
            },

            new FactSet([
                new Fact("What was done", CardText.Literal(CardText.Shorten(action.Title, 300))),
                new Fact("By", CardText.Literal(action.Owner.DisplayName)),
                new Fact("Done on", action.DoneOn is { } on ? on.ToString("d MMM yyyy", CultureInfo.InvariantCulture)
                    : "recently"),
                new Fact("Movement so far", CardText.Literal(ImpactText.Of(program, action))),
            ]),
            new TextBlock("Thank you for telling us. Keep adding what customers meet: it is how the next fix starts.")
            { IsSubtle = true, Size = TextSize.Small });
        if (mapLink is not null) card.AddActions(new CardOpenUrlAction("Open the map", mapLink));
        return card;
    }
}
