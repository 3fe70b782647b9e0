using System.Globalization;
using JourneyBot.Cards;
using JourneyBot.Domain;

namespace JourneyBot.Readings;

// The cards of a metric's figures: asking for one (with the last figure and the target beside it), saying it was
// recorded, and, when someone else recorded that day already, saying whose figure is there and offering to replace it.
public static class ReadingCards
{
    private const int TrendShown = 6;

    // The inputs and the Record button on their own: folded under a digest's "Record the figure", or on Ask.
    public static AdaptiveCard Form(string programId, string metricId, IReadOnlyDictionary<string, string>? values = null,
        IReadOnlyDictionary<string, string>? errors = null)
    {
        var card = new AdaptiveCard { FallbackText = "Record this period's figure" };
        AddInputs(card, programId, metricId, null, values ?? new Dictionary<string, string>(), errors ?? new Dictionary<string, string>());
        return card;
    }

    public static AdaptiveCard Ask(JourneyProgram program, Metric metric, DateOnly today, IReadOnlyDictionary<string, string>? values = null,
        IReadOnlyDictionary<string, string>? errors = null, string? notice = null)
    {
        var card = new AdaptiveCard { FallbackText = $"Record a figure of {metric.Name}" };
        card.Add(
            new TextBlock($"This period's figure: {CardText.Literal(metric.Name)}") { Size = TextSize.Medium, Weight = TextWeight.Bolder },
            new TextBlock($"Program: {CardText.Literal(program.Charter.Name)}") { IsSubtle = true, Spacing = "none" });
        if (notice is not null) card.Add(new TextBlock(CardText.Literal(notice)) { Color = TextColor.Warning });
        card.Add(new FactSet(Facts(program, metric, today)));
        if (errors is { Count: > 0 }) card.Add(new TextBlock("Nothing was recorded yet: check the fields marked below.") { Color = TextColor.Attention });
        AddInputs(card, program.Id, metric.Id, metric.Unit, values ?? new Dictionary<string, string>(), errors ?? new Dictionary<string, string>());
        return card;
    }

    public static AdaptiveCard Recorded(JourneyProgram program, Metric metric, MetricReading reading, DateOnly today, bool replaced)
    {
        var shown = program with { Readings = [.. program.Readings.Where(r => r.MetricId != metric.Id || r.On != reading.On), reading] };
        var card = new AdaptiveCard { FallbackText = $"Recorded: {metric.Name} {ImpactWords.Figure(reading.Value, metric.Unit)}" };
        card.Add(
            new TextBlock($"{(replaced ? "Replaced" : "Recorded")}: {CardText.Literal(metric.Name)} " +
                $"{CardText.Literal(ImpactWords.Figure(reading.Value, metric.Unit))} for {Day(reading.On)}")
                { Size = TextSize.Medium, Weight = TextWeight.Bolder, Color = TextColor.Good },
            new FactSet(Facts(shown, metric, today)),
            new TextBlock("The map's trend chart, map health and the impact of the actions that name this metric now count it.")
                { IsSubtle = true, Size = TextSize.Small });
        return card;
    }

    // Someone recorded this metric for that day already: their figure stays unless this person replaces it.
    public static AdaptiveCard Taken(JourneyProgram program, Metric metric, StoredReading existing, MetricReading typed,
        IReadOnlyDictionary<string, string> values, bool changedAgain = false)
    {
        var theirs = existing.Reading;
        var card = new AdaptiveCard { FallbackText = $"{metric.Name} already has a figure for {Day(theirs.On)}" };
        card.Add(
            new TextBlock($"{CardText.Literal(metric.Name)} already has a figure for {Day(theirs.On)}")
                { Size = TextSize.Medium, Weight = TextWeight.Bolder, Color = TextColor.Warning },
            new TextBlock((changedAgain ? "It changed again while you looked. " : "") +
                $"{CardText.Literal(theirs.RecordedBy.DisplayName)} recorded " +
                $"{CardText.Literal(ImpactWords.Figure(theirs.Value, metric.Unit))}" +
                (theirs.RecordedAt is { } at ? $" on {at.UtcDateTime.ToString("d MMM yyyy HH:mm", CultureInfo.InvariantCulture)} UTC" : "") +
                $". Yours is {CardText.Literal(ImpactWords.Figure(typed.Value, metric.Unit))}. Nothing was changed: replace theirs, or leave it."),
            new TextBlock($"Program: {CardText.Literal(program.Charter.Name)}") { IsSubtle = true, Size = TextSize.Small });
        var data = new Dictionary<string, string>
        {
            [CardData.ProgramId] = program.Id, [CardData.MetricId] = metric.Id, [CardData.ETag] = existing.ETag.ToString(),
            [ReadingInput.Value] = values.GetValueOrDefault(ReadingInput.Value, ""),
            [ReadingInput.On] = typed.On.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            [ReadingInput.Link] = values.GetValueOrDefault(ReadingInput.Link, ""),
        };
        card.AddActions(
            new CardExecuteAction($"Replace with {ImpactWords.Figure(typed.Value, metric.Unit)}", CardVerbs.ReadingReplace) { Data = data },
            new CardExecuteAction("Leave theirs", CardVerbs.ReadingOpen)
            {
                Data = new Dictionary<string, string> { [CardData.ProgramId] = program.Id, [CardData.MetricId] = metric.Id },
            });
        return card;
    }

    // Which metric: for `record` with no name, or a name that matches none or several.
    public static AdaptiveCard Pick(JourneyProgram program, IReadOnlyList<Metric> metrics, string? notice)
    {
        var card = new AdaptiveCard { FallbackText = "Record a metric's figure" };
        card.Add(new TextBlock("Record a metric's figure") { Size = TextSize.Medium, Weight = TextWeight.Bolder });
        if (notice is not null) card.Add(new TextBlock(CardText.Literal(notice)) { Color = TextColor.Warning });
        if (metrics.Count == 0)
        {
            card.Add(new TextBlock("There is no metric you record figures of: owners do, and a metric's own owner named in the charter."));
            return card;
        }
        foreach (var metric in metrics)
        {
            var last = ReadingSchedule.Latest(program, metric.Id);
            card.Add(new Container([
                new TextBlock(CardText.Literal(metric.Name)) { Weight = TextWeight.Bolder },
                new TextBlock(last is null ? "no reading yet" : $"last {CardText.Literal(ImpactWords.Figure(last.Value, metric.Unit))} for {Day(last.On)}")
                    { IsSubtle = true, Size = TextSize.Small, Spacing = "none" },
                new ActionSet([new CardExecuteAction("Record a figure", CardVerbs.ReadingOpen)
                {
                    Data = new Dictionary<string, string> { [CardData.ProgramId] = program.Id, [CardData.MetricId] = metric.Id },
                }]),
            ]) { Separator = true });
        }
        return card;
    }

    private static List<Fact> Facts(JourneyProgram program, Metric metric, DateOnly today)
    {
        var readings = program.ReadingsOf(metric.Id).ToList();
        var facts = new List<Fact>
        {
            new("Last", readings.Count == 0 ? "no reading yet"
                : $"{CardText.Literal(ImpactWords.Figure(readings[^1].Value, metric.Unit))} for {Day(readings[^1].On)}"),
            new("Target", metric.Target is { } target ? CardText.Literal(ImpactWords.Figure(target, metric.Unit)) : "none set"),
        };
        if (metric.Baseline is { } baseline) facts.Add(new Fact("Baseline", CardText.Literal(ImpactWords.Figure(baseline, metric.Unit))));
        if (readings.Count > 1)
        {
            facts.Add(new Fact("Trend", CardText.Literal(string.Join(" → ", readings.TakeLast(TrendShown).Select(r => ImpactWords.Figure(r.Value, metric.Unit))))));
        }
        var next = ReadingSchedule.NextDue(program, metric);
        facts.Add(new Fact("Read", $"every {Words.Count(metric.DaysBetweenReadings(), "day")}" + (next is { } n ? $"; next due {Day(n)}" : "")
            + (next < today ? " (overdue)" : "")));
        return facts;
    }

    private static void AddInputs(AdaptiveCard card, string programId, string metricId, string? metricUnit, IReadOnlyDictionary<string, string> values,
        IReadOnlyDictionary<string, string> errors)
    {
        var form = new CardForm(card, values, errors, null);
        var unit = metricUnit is { Length: > 0 } u ? $" ({u})" : "";
        form.Add(new InputText(ReadingInput.Value, $"Figure{unit}")
        {
            IsRequired = true, MaxLength = 40, Value = values.GetValueOrDefault(ReadingInput.Value), Placeholder = "e.g. 38 or 1,200",
        });
        form.Add(new InputDate(ReadingInput.On, "For the day (empty: today)") { Value = values.GetValueOrDefault(ReadingInput.On) });
        form.Add(new InputText(ReadingInput.Link, "Where it can be checked (optional https link)")
        {
            MaxLength = TextLimits.Link, Value = values.GetValueOrDefault(ReadingInput.Link), Placeholder = "https://",
        });
        card.AddActions(new CardExecuteAction("Record", CardVerbs.ReadingSave)
        {
            Style = "positive",
            Data = new Dictionary<string, string> { [CardData.ProgramId] = programId, [CardData.MetricId] = metricId },
        });
    }

    public static string Day(DateOnly day) => day.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
}
