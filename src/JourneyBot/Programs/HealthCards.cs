using JourneyBot.Cards;
using JourneyBot.Domain;

namespace JourneyBot.Programs;

public static class HealthCards
{
    private const int DetailsShown = 3;

    public static AdaptiveCard Build(JourneyProgram program, DateOnly asOf, Uri? mapLink = null)
    {
        var checks = MapHealth.Evaluate(program, asOf);
        var card = new AdaptiveCard { FallbackText = $"Map health of {program.Charter.Name}" };
        card.Add(
            new TextBlock($"Map health: {CardText.Literal(program.Charter.Name)}") { Size = TextSize.Medium, Weight = TextWeight.Bolder },
            new TextBlock($"{checks.Count(c => c.Status == HealthStatus.Ok)} ok, {checks.Count(c => c.Status == HealthStatus.Warn)} to watch, " +
                          $"{checks.Count(c => c.Status == HealthStatus.Fail)} failing, as of {asOf:d MMM yyyy}.") { IsSubtle = true });
        foreach (var check in checks)
        {
            var (mark, color) = check.Status switch
            {
                HealthStatus.Ok => ("OK", TextColor.Good),
                HealthStatus.Warn => ("WATCH", TextColor.Warning),
                _ => ("FAIL", TextColor.Attention),
            };
            var next = check.NextStep;
            if (check.Details is { Count: > 0 } details && check.Status != HealthStatus.Ok)
            {
                next += $" ({string.Join("; ", details.Take(DetailsShown))}{(details.Count > DetailsShown ? $"; {details.Count - DetailsShown} more" : "")})";
            }
            card.Add(new Container([
                new TextBlock($"{mark} · {check.Title}: {CardText.Literal(check.Figure)}") { Color = color, Weight = TextWeight.Bolder },
                new TextBlock(CardText.Literal(CardText.Shorten(next, 300))) { Size = TextSize.Small, Spacing = "none" },
            ]) { Separator = true });
        }
        // The map tab links each check to the touchpoints it is about.
        if (mapLink is not null) card.AddActions(new CardOpenUrlAction("Open the map", mapLink));
        return card;
    }
}
