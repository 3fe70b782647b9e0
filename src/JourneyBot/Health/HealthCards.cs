using JourneyBot.Cards;
using JourneyBot.Charters;
using JourneyBot.Domain;

namespace JourneyBot.Health;

// Map health for people: the flags first, worst first, each with what was measured, why it matters and a button
// that does the next step; checks not judged yet are named, with what would make them apply; what is fine folds
// away. A healthy program says so in one line.
public static class HealthCards
{
    private const int DetailsShown = 3;

    public static AdaptiveCard Build(JourneyProgram program, DateOnly asOf, Uri? mapLink = null)
    {
        var checks = MapHealth.Evaluate(program, asOf);
        // Worst first; checks of equal status keep the order the pitfalls are listed in.
        var flags = checks.Where(c => c.Status.IsFlag()).OrderByDescending(c => c.Status).ToList();
        var fine = checks.Where(c => c.Status == HealthStatus.Ok).ToList();
        var waiting = checks.Where(c => c.Status == HealthStatus.NotJudged).ToList();
        var card = new AdaptiveCard { FallbackText = $"Map health of {program.Charter.Name}" };
        card.Add(new TextBlock($"Map health: {CardText.Literal(program.Charter.Name)}")
            { Size = TextSize.Medium, Weight = TextWeight.Bolder });
        var judged = checks.Count - waiting.Count;
        if (flags.Count == 0)
        {
            card.Add(new TextBlock($"Healthy: none of the {judged} pitfalls judged so far shows, " +
                                   $"as of {asOf:d MMM yyyy}.")
                { Color = TextColor.Good, Weight = TextWeight.Bolder });
        }
        else
        {
            card.Add(new TextBlock($"{Words.Count(flags.Count, "pitfall")} to act on " +
                                   $"({flags.Count(c => c.Status == HealthStatus.Fail)} failing), " +
                                   $"{fine.Count} of {checks.Count} checks ok, as of {asOf:d MMM yyyy}.")
                { IsSubtle = true });
            foreach (var check in flags) card.Add(Flag(program, check));
        }
        if (waiting.Count > 0)
        {
            card.Add(new TextBlock($"Not judged yet: {string.Join(", ", waiting.Select(c => c.Title))}.")
                { Size = TextSize.Small, IsSubtle = true, Separator = true });
        }
        if (fine.Count + waiting.Count > 0)
        {
            var details = new AdaptiveCard();
            foreach (var check in fine)
            {
                details.Add(new Container([
                    new TextBlock($"OK · {check.Title}: {CardText.Literal(check.Figure)}")
                        { Color = TextColor.Good, Size = TextSize.Small, Weight = TextWeight.Bolder },
                    new TextBlock($"Measured against: {CardText.Literal(check.Threshold)}")
                        { Size = TextSize.Small, IsSubtle = true, Spacing = "none" },
                ]) { Separator = true });
            }
            foreach (var check in waiting)
            {
                details.Add(new Container([
                    new TextBlock($"Not judged yet · {check.Title}: {CardText.Literal(check.Figure)}")
                        { Size = TextSize.Small, Weight = TextWeight.Bolder },
                    new TextBlock($"{CardText.Literal(check.NextStep)}")
                        { Size = TextSize.Small, IsSubtle = true, Spacing = "none" },
                ]) { Separator = true });
            }
            var label = fine.Count == 0 ? $"Show the {waiting.Count} checks not judged yet"
                : flags.Count == 0 && waiting.Count == 0 ? "Show the checks"
                : waiting.Count == 0 ? $"Show the {fine.Count} checks that are ok"
                : $"Show the {fine.Count} ok and {waiting.Count} not judged yet";
            card.AddActions(new CardShowAction(label, details));
        }
        // The map tab links each check to the touchpoints it is about.
        if (mapLink is not null) card.AddActions(new CardOpenUrlAction("Open the map", mapLink));
        return card;
    }

    private static Container Flag(JourneyProgram program, HealthCheck check)
    {
        var (mark, color) = check.Status == HealthStatus.Fail ? ("FAIL", TextColor.Attention)
            : ("WATCH", TextColor.Warning);
        var shown = check.Details?.Take(DetailsShown) ?? [];
        var more = check.Details is { Count: > DetailsShown } d ? $"; {d.Count - DetailsShown} more" : "";
        var measured = check.Details is { Count: > 0 } ? $"{check.Figure} ({string.Join("; ", shown)}{more})"
            : check.Figure;
        var items = new List<CardElement>
        {
            new TextBlock($"{mark} · {check.Title}") { Color = color, Weight = TextWeight.Bolder },
            new TextBlock($"Measured: {CardText.Literal(CardText.Shorten(measured, 300))}. " +
                          $"Healthy: {CardText.Literal(check.Threshold)}.")
                { Size = TextSize.Small, Spacing = "none" },
            new TextBlock($"Why it matters: {CardText.Literal(check.Why)}")
                { Size = TextSize.Small, IsSubtle = true, Spacing = "none" },
            new TextBlock($"Next: {CardText.Literal(CardText.Shorten(check.NextStep, 300))}")
                { Size = TextSize.Small, Spacing = "none" },
        };
        if (check.Command is { } command) items.Add(new ActionSet([Button(program, check.Id, command)]));
        return new Container(items) { Separator = true };
    }

    // The button that does a check's next step: the same card its chat command opens.
    public static CardExecuteAction Button(JourneyProgram program, HealthCheckId check, HealthCommand command)
    {
        var data = new Dictionary<string, string> { [CardData.ProgramId] = program.Id };
        Dictionary<string, string> With(string key, string value) => new(data) { [key] = value };
        return command switch
        {
            HealthCommand.Charter => new CardExecuteAction("Edit the charter", CardVerbs.CharterEdit)
                { Data = With(CardData.Step, CharterStep(check)) },
            HealthCommand.Departments => new CardExecuteAction("Add department contacts", CardVerbs.CharterEdit)
                { Data = With(CardData.Step, CharterSteps.Departments) },
            HealthCommand.Review => new CardExecuteAction("Start a review", CardVerbs.ReviewStart) { Data = data },
            HealthCommand.NewAction => new CardExecuteAction("New action", CardVerbs.ActionNew) { Data = data },
            HealthCommand.Actions => new CardExecuteAction("Open actions", CardVerbs.ActionsList) { Data = data },
            HealthCommand.Map => new CardExecuteAction("Open the map", CardVerbs.MapPage)
                { Data = With(CardData.Page, "0") },
            HealthCommand.AddTouchpoint => new CardExecuteAction("Add a touchpoint", CardVerbs.TouchpointStart)
                { Data = data },
            HealthCommand.SendProgress => new CardExecuteAction("Send the progress card now", CardVerbs.ProgressSendNow)
                { Data = data },
            HealthCommand.Record => new CardExecuteAction("Record a figure", CardVerbs.ReadingOpen) { Data = data },
        };
    }

    // The charter step a check's fix is on.
    public static string CharterStep(HealthCheckId check) => check switch
    {
        HealthCheckId.OutcomeMetrics or HealthCheckId.OutputHeavy => CharterSteps.Metrics,
        HealthCheckId.Sponsor or HealthCheckId.SponsorEngagement => CharterSteps.People,
        HealthCheckId.Resources => CharterSteps.Resources,
        HealthCheckId.Personas or HealthCheckId.Stale => CharterSteps.Shape,
        HealthCheckId.Silo or HealthCheckId.Contributors => CharterSteps.Departments,
        _ => CharterSteps.Basics,
    };
}
