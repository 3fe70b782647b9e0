using JourneyBot.Actions;
using JourneyBot.Cards;
using JourneyBot.Charters;
using JourneyBot.Domain;
using JourneyBot.Reviews;
using JourneyBot.Touchpoints;

namespace JourneyBot.Programs;

// Map health for people: the flags first, worst first, each with what was measured, why it matters and a button
// that does the next step; what is fine folds away. A healthy program says so in one line.
public static class HealthCards
{
    private const int DetailsShown = 3;

    public static AdaptiveCard Build(JourneyProgram program, DateOnly asOf, Uri? mapLink = null)
    {
        var checks = MapHealth.Evaluate(program, asOf);
        // Worst first; checks of equal status keep the order the pitfalls are listed in.
        var flags = checks.Where(c => c.Status != HealthStatus.Ok).OrderByDescending(c => c.Status).ToList();
        var fine = checks.Where(c => c.Status == HealthStatus.Ok).ToList();
        var card = new AdaptiveCard { FallbackText = $"Map health of {program.Charter.Name}" };
        card.Add(new TextBlock($"Map health: {CardText.Literal(program.Charter.Name)}") { Size = TextSize.Medium, Weight = TextWeight.Bolder });
        if (flags.Count == 0)
        {
            card.Add(new TextBlock($"Healthy: none of the {checks.Count} known pitfalls shows, as of {asOf:d MMM yyyy}.") { Color = TextColor.Good, Weight = TextWeight.Bolder });
        }
        else
        {
            card.Add(new TextBlock($"{Words.Count(flags.Count, "pitfall")} to act on ({flags.Count(c => c.Status == HealthStatus.Fail)} failing), " +
                                   $"{fine.Count} of {checks.Count} checks ok, as of {asOf:d MMM yyyy}.") { IsSubtle = true });
            foreach (var check in flags) card.Add(Flag(program, check));
        }
        if (fine.Count > 0)
        {
            var details = new AdaptiveCard();
            foreach (var check in fine)
            {
                details.Add(new Container([
                    new TextBlock($"OK · {check.Title}: {CardText.Literal(check.Figure)}") { Color = TextColor.Good, Size = TextSize.Small, Weight = TextWeight.Bolder },
                    new TextBlock($"Measured against: {CardText.Literal(check.Threshold)}") { Size = TextSize.Small, IsSubtle = true, Spacing = "none" },
                ]) { Separator = true });
            }
            card.AddActions(new CardShowAction(flags.Count == 0 ? "Show the checks" : $"Show the {fine.Count} checks that are ok", details));
        }
        // The map tab links each check to the touchpoints it is about.
        if (mapLink is not null) card.AddActions(new CardOpenUrlAction("Open the map", mapLink));
        return card;
    }

    private static Container Flag(JourneyProgram program, HealthCheck check)
    {
        var (mark, color) = check.Status == HealthStatus.Fail ? ("FAIL", TextColor.Attention) : ("WATCH", TextColor.Warning);
        var measured = check.Details is { Count: > 0 } details
            ? $"{check.Figure} ({string.Join("; ", details.Take(DetailsShown))}{(details.Count > DetailsShown ? $"; {details.Count - DetailsShown} more" : "")})"
            : check.Figure;
        var items = new List<CardElement>
        {
            new TextBlock($"{mark} · {check.Title}") { Color = color, Weight = TextWeight.Bolder },
            new TextBlock($"Measured: {CardText.Literal(CardText.Shorten(measured, 300))}. Healthy: {CardText.Literal(check.Threshold)}.") { Size = TextSize.Small, Spacing = "none" },
            new TextBlock($"Why it matters: {CardText.Literal(check.Why)}") { Size = TextSize.Small, IsSubtle = true, Spacing = "none" },
            new TextBlock($"Next: {CardText.Literal(CardText.Shorten(check.NextStep, 300))}") { Size = TextSize.Small, Spacing = "none" },
        };
        if (Button(program, check) is { } button) items.Add(new ActionSet([button]));
        return new Container(items) { Separator = true };
    }

    // The button that does the check's next step: the same card its chat command opens.
    public static CardExecuteAction? Button(JourneyProgram program, HealthCheck check)
    {
        var data = new Dictionary<string, string> { [CardData.ProgramId] = program.Id };
        return check.Command switch
        {
            MapHealth.CharterCommand => new CardExecuteAction("Edit the charter", CharterSteps.EditVerb) { Data = new Dictionary<string, string>(data) { [CardData.Step] = CharterStep(check.Id) } },
            MapHealth.ReviewCommand => new CardExecuteAction("Start a review", ReviewCards.StartVerb) { Data = data },
            MapHealth.NewActionCommand => new CardExecuteAction("New action", ActionCards.NewVerb) { Data = data },
            MapHealth.ActionsCommand => new CardExecuteAction("Open actions", ActionCards.ListVerb) { Data = data },
            MapHealth.MapCommand => new CardExecuteAction("Open the map", MapCards.PageVerb) { Data = new Dictionary<string, string>(data) { [CardData.Page] = "0" } },
            MapHealth.AddTouchpointCommand => new CardExecuteAction("Add a touchpoint", TouchpointCards.StartVerb) { Data = data },
            MapHealth.SendProgressCommand => new CardExecuteAction("Send the progress card now", FollowUps.ProgressHandler.SendNowVerb) { Data = data },
            MapHealth.DepartmentsCommand => new CardExecuteAction("Add department contacts", CharterSteps.EditVerb) { Data = new Dictionary<string, string>(data) { [CardData.Step] = CharterSteps.Departments } },
            _ => null,
        };
    }

    private static string CharterStep(string checkId) => checkId switch
    {
        "outcome-metrics" or "output-heavy" => CharterSteps.Metrics,
        "sponsor" or "sponsor-engagement" => CharterSteps.People,
        "resources" => CharterSteps.Resources,
        "personas" => CharterSteps.Shape,
        "stale" => CharterSteps.Shape,
        _ => CharterSteps.Basics,
    };
}
