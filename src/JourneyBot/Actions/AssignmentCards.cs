using System.Globalization;
using JourneyBot.Cards;
using JourneyBot.Domain;
using JourneyBot.Touchpoints;

namespace JourneyBot.Actions;

// The card an action's owner gets when someone gives them an action, and the answers to its two buttons.
public static class AssignmentCards
{

    public static AdaptiveCard Assigned(JourneyProgram program, ImprovementAction action, bool handedBack = false)
    {
        var by = action.AssignedBy?.DisplayName is { Length: > 0 } name ? name : "A program owner";
        var card = new AdaptiveCard { FallbackText = $"An improvement action for you: {action.Title}" };
        card.Add(
            new TextBlock(handedBack ? "An improvement action came back to you" : "An improvement action for you") { Size = TextSize.Medium, Weight = TextWeight.Bolder },
            new TextBlock(handedBack
                ? $"{CardText.Literal(by)} handed it back in {CardText.Literal(program.Charter.Name)}."
                : $"{CardText.Literal(by)} gave you this action in {CardText.Literal(program.Charter.Name)}.") { IsSubtle = true, Spacing = "none" });
        var facts = new List<Fact>
        {
            new("Action", CardText.Literal(action.Title)),
            new("Due", action.DueOn.ToString("d MMM yyyy", CultureInfo.InvariantCulture)),
        };
        if (action.TouchpointId is { } id && program.Touchpoints.FirstOrDefault(t => t.Id == id) is { } touchpoint)
        {
            var stage = program.Charter.Stages.FirstOrDefault(s => s.Id == touchpoint.StageId)?.Name ?? touchpoint.StageId;
            facts.Add(new Fact("Where", $"{CardText.Literal(CardText.Shorten(stage, 40))} · {TouchpointCards.ChannelName(touchpoint.Channel)}: {CardText.Literal(CardText.Shorten(touchpoint.CustomerAction, 160))}"));
            // The pain point the action addresses when it names one, else all of the touchpoint's.
            var pain = touchpoint.PainPointList().FirstOrDefault(p => p.Id == action.PainPointId)?.Text ?? (touchpoint.HasPainPoints() ? touchpoint.PainText() : null);
            if (pain is not null) facts.Add(new Fact("Pain point", CardText.Literal(CardText.Shorten(pain, 400))));
        }
        if (program.Charter.Metrics.FirstOrDefault(m => m.Id == action.MetricId) is { } metric) facts.Add(new Fact("Should move", CardText.Literal(metric.Name)));
        card.Add(new FactSet(facts));
        card.Add(new TextBlock("Accept it if you will see it done by the due date; if it is not yours to do, hand it back and the person who gave it to you gets it again.") { IsSubtle = true, Size = TextSize.Small });
        var data = new Dictionary<string, string> { [CardData.ProgramId] = program.Id, [CardData.ActionId] = action.Id };
        card.AddActions(
            new CardExecuteAction("Accept", CardVerbs.ActionAccept) { Style = "positive", Data = data },
            new CardExecuteAction("Hand it back", CardVerbs.ActionHandBack) { Data = data });
        return card;
    }

    public static AdaptiveCard Accepted(JourneyProgram program, ImprovementAction action) => new AdaptiveCard { FallbackText = $"Accepted: {action.Title}" }
        .Add(
            new TextBlock($"Accepted: {CardText.Literal(action.Title)}") { Size = TextSize.Medium, Weight = TextWeight.Bolder, Color = TextColor.Good },
            new TextBlock($"Due {action.DueOn:d MMM yyyy}. You are reminded if it runs late; mark it in progress or done from **actions**.") { Spacing = "none" })
        .AddActions(new CardExecuteAction("All actions", CardVerbs.ActionsList) { Data = new Dictionary<string, string> { [CardData.ProgramId] = program.Id } });

    public static AdaptiveCard HandedBack(ImprovementAction action, Person to) => new AdaptiveCard { FallbackText = $"Handed back: {action.Title}" }
        .Add(
            new TextBlock($"Handed back: {CardText.Literal(action.Title)}") { Size = TextSize.Medium, Weight = TextWeight.Bolder },
            new TextBlock($"{CardText.Literal(to.DisplayName)} owns it again and gets a card saying so.") { Spacing = "none" });
}
