using System.Globalization;
using JourneyBot.Cards;
using JourneyBot.Domain;
using JourneyBot.Health;
using JourneyBot.Pictures;

namespace JourneyBot.FollowUps;

// The sponsor's periodic view: how healthy the map is, how complete, how evidence-backed, how customers
// feel stage by stage, whether insights turn into done actions, and what changed since the last card.
public static class ProgressCards
{

    public static AdaptiveCard Build(JourneyProgram program, Snapshot now, Snapshot? before, DateOnly today, DateOnly? reviewOverdueSince, DateOnly? acknowledgedOn = null, Uri? mapLink = null, string? cardId = null,
        PictureLink? picture = null)
    {
        var charter = program.Charter;
        var checks = MapHealth.Evaluate(program, today);
        var failing = checks.Where(c => c.Status == HealthStatus.Fail).Select(c => c.Title).ToList();
        var cells = charter.Stages.Count * charter.Departments.Count;
        var filled = now.Cells.Count(c => c.Value > 0);
        var card = new AdaptiveCard { FallbackText = $"Progress of {charter.Name}" };
        card.Add(
            new TextBlock($"Progress: {CardText.Literal(charter.Name)}") { Size = TextSize.Medium, Weight = TextWeight.Bolder },
            new TextBlock($"As of {today:d MMM yyyy}. Map health: {now.ChecksOk()} of {checks.Count} checks ok{NotJudged(checks)}" +
                          (failing.Count > 0 ? $"; failing: {CardText.Literal(string.Join(", ", failing.Take(4)))}{(failing.Count > 4 ? "…" : "")}." : "."))
            { Weight = TextWeight.Bolder, Color = failing.Count > 0 ? TextColor.Attention : TextColor.Good });
        if (reviewOverdueSince is { } due)
        {
            card.Add(new TextBlock($"The review was due on {due:d MMM} and is overdue: the map may no longer match what customers meet.") { Color = TextColor.Warning });
        }
        card.Add(new FactSet([
            new Fact("Touchpoints", $"{now.Touchpoints}{Change(now.Touchpoints, before?.Touchpoints)}"),
            new Fact("Coverage", cells == 0 ? "no stages or departments" : $"{filled} of {cells} stage × department cells ({CardText.Percent((double)filled / cells)})"),
            new Fact("Evidence-backed", $"{CardText.Percent(now.EvidenceShare)}{(before is null ? "" : Points(now.EvidenceShare, before.EvidenceShare))}"),
            new Fact("Actions", $"{now.ActionsOpen} open, {now.ActionsDone} done, {now.ActionsOverdue} overdue{(before is null || before.ActionsDone == now.ActionsDone ? "" : $" ({now.ActionsDone - before.ActionsDone:+0;-0} done)")}"),
            new Fact("Checks ok", $"{now.ChecksOk()}{Change(now.ChecksOk(), before?.ChecksOk())}"),
        ]));
        ProgressImpact.Add(card, program);
        if (charter.Stages.Count > 0)
        {
            card.Add(
                new TextBlock("How customers feel, stage by stage (-2 … +2)") { Weight = TextWeight.Bolder, Separator = true },
                // A row per stage: a column per stage was unreadable past five stages on a phone.
                new Table(before is null ? [3, 1] : [3, 1, 1], [
                    before is null ? ["Stage", "Now"] : ["Stage", "Now", before.TakenOn.ToString("d MMM", CultureInfo.InvariantCulture)],
                    .. charter.Stages.Select(s => (IReadOnlyList<string>)[
                        CardText.Literal(CardText.Shorten(s.Name, 60)),
                        Emotion(now, s.Id),
                        .. before is null ? Array.Empty<string>() : [Emotion(before, s.Id)]]),
                ]));
        }
        AddPicture(card, program, now, picture);
        card.Add(new TextBlock(before is null ? "This is the first progress card of this program." : $"Changes are since {before.TakenOn:d MMM yyyy}.") { IsSubtle = true, Size = TextSize.Small });
        if (acknowledgedOn is { } acknowledged)
        {
            card.Add(new TextBlock($"Acknowledged on {acknowledged:d MMM yyyy}. Thank you.") { Color = TextColor.Good });
        }
        else
        {
            card.AddActions(new CardExecuteAction("Acknowledge", CardVerbs.ProgressAcknowledge)
            {
                Style = "positive",
                Data = cardId is null
                    ? new Dictionary<string, string> { [CardData.ProgramId] = program.Id, ["sentOn"] = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }
                    : new Dictionary<string, string> { [CardData.ProgramId] = program.Id, ["sentOn"] = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), [CardData.CardId] = cardId },
            });
        }
        // A link, not a card action: answering an action would replace this card and its Acknowledge button.
        if (mapLink is not null) card.AddActions(new CardOpenUrlAction("Open the map", mapLink));
        return card;
    }


    // The chart of the emotion curve and the outcome metrics' trends, and the metrics' figures as text beside it
    // (the stages' figures are the table above), so a screen reader or a client without pictures misses nothing.
    private static void AddPicture(AdaptiveCard card, JourneyProgram program, Snapshot now, PictureLink? picture)
    {
        if (picture is not null) card.Add(new Image(picture.Url, CardText.Shorten(picture.AltText, 1000)) { Separator = true });
        var metrics = ProgressPicture.From(program, now).Metrics;
        if (metrics.Count == 0) return;
        card.Add(new TextBlock("Outcome metrics") { Weight = TextWeight.Bolder, Separator = picture is null });
        card.Add(new FactSet(metrics.Take(10).Select(m => new Fact(CardText.Literal(CardText.Shorten(m.Name, 60)),
            MetricFigures(m))).ToList()));
    }

    private static string MetricFigures(MetricTrend metric)
    {
        var unit = string.IsNullOrWhiteSpace(metric.Unit) ? "" : " " + CardText.Literal(CardText.Shorten(metric.Unit, 20));
        var parts = new List<string>();
        if (metric.Readings.Count == 0) parts.Add("no readings yet");
        else
        {
            var (on, value) = metric.Readings[^1];
            parts.Add($"latest {ProgressPicture.Number(value)}{unit} ({on.ToString("d MMM yyyy", CultureInfo.InvariantCulture)})");
            if (metric.Readings.Count > 1)
            {
                var change = value - metric.Readings[^2].Value;
                parts.Add($"{change.ToString("+0.##;-0.##;0", CultureInfo.InvariantCulture)} since the reading before");
            }
        }
        if (metric.Target is { } target) parts.Add($"target {ProgressPicture.Number(target)}{unit}");
        if (metric.Baseline is { } baseline) parts.Add($"baseline {ProgressPicture.Number(baseline)}{unit}");
        return string.Join(", ", parts);
    }

    private static string NotJudged(IReadOnlyList<HealthCheck> checks) =>
        checks.Count(c => c.Status == HealthStatus.NotJudged) is > 0 and var n ? $" ({n} not judged yet)" : "";

    private static string Change(int now, int? before) => before is not { } b || b == now ? "" : $" ({(now > b ? "+" : "")}{now - b})";

    private static string Points(double now, double before)
    {
        var points = (int)Math.Round((now - before) * 100);
        return points == 0 ? "" : $" ({(points > 0 ? "+" : "")}{points} pts)";
    }

    private static string Emotion(Snapshot snapshot, string stageId) =>
        snapshot.EmotionByStage.TryGetValue(stageId, out var e) ? e.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) : "–";
}
