using JourneyBot.Cards;
using JourneyBot.Domain;

namespace JourneyBot.FollowUps;

// What the done actions moved, for the sponsor: the actions ranked by movement towards their metric's target, so
// follow-through is judged by outcomes, not by how many actions were ticked off.
public static class ProgressImpact
{
    public const int Shown = 5;

    public static void Add(AdaptiveCard card, JourneyProgram program)
    {
        var ranked = ActionImpact.Ranked(program).Where(r => r.Action.MetricId is not null).ToList();
        if (ranked.Count == 0) return;
        card.Add(new TextBlock("What the done actions moved") { Weight = TextWeight.Bolder, Separator = true });
        card.Add(new Table([3, 2], [
            ["Action", "Its metric since"],
            .. ranked.Take(Shown).Select(r => (IReadOnlyList<string>)[
                CardText.Literal(CardText.Shorten(r.Action.Title, 80)),
                CardText.Literal(ImpactWords.Of(program, r.Action) ?? "no metric named")]),
        ]));
        if (ranked.Count > Shown)
        {
            card.Add(new TextBlock($"And {ranked.Count - Shown} more done actions: see **actions** or the map.") { IsSubtle = true, Size = TextSize.Small });
        }
    }
}
