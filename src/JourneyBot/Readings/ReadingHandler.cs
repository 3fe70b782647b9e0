using JourneyBot.Bot;
using JourneyBot.Cards;
using JourneyBot.Domain;
using JourneyBot.Programs;
using JourneyBot.Protocol;
using static JourneyBot.Cards.CardResponses;

namespace JourneyBot.Readings;

// `record <metric>` and the reading card's buttons: owners and a metric's own owner record its figure any time,
// as well as when the scheduler asks for it. The number is read in the person's Teams locale.
public sealed class ReadingHandler(ProgramSessions sessions, ReadingStore readings, TimeProvider clock) : ICommandSource
{
    private const string NoSuchMetric = "That metric is no longer in the charter.";
    private const string NotYours = "Owners record a metric's figures, and the metric's own owner named in the charter.";

    public IEnumerable<BotCommand> Commands =>
    [
        new("record", "Record a metric's figure for this period: record followed by the metric's name.", RecordCommandAsync)
            { Step = WorkflowStep.Act, TakesArgument = true },
    ];

    public IEnumerable<CardVerb> Verbs =>
    [
        new(CardVerbs.ReadingOpen, OpenAsync),
        new(CardVerbs.ReadingSave, SaveAsync),
        new(CardVerbs.ReadingReplace, ReplaceAsync),
    ];

    private async Task RecordCommandAsync(TurnContext turn, string name, CancellationToken cancellationToken)
    {
        if (await sessions.ResolveOrExplainAsync(turn, cancellationToken) is not { } resolved) return;
        var (session, program) = resolved;
        var mine = program.Charter.Metrics.Where(m => ReadingSchedule.MayRecord(program.Charter, m, session.Caller.AadObjectId)).ToList();
        var matches = name.Length == 0 ? mine : Matching(mine, name);
        var card = matches.Count == 1
            ? ReadingCards.Ask(program, matches[0], Today(program))
            : ReadingCards.Pick(program, mine, name.Length == 0 || mine.Count == 0 ? null
                : matches.Count == 0 ? "No metric you record has that name; pick one." : "Several metrics match that name; pick one.");
        await turn.SendActivityAsync(card.ToActivity(), cancellationToken);
    }

    // The exact name, else the names that start with it, else those that contain it.
    private static List<Metric> Matching(List<Metric> metrics, string name)
    {
        var exact = metrics.Where(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase)).ToList();
        if (exact.Count > 0) return exact;
        var starting = metrics.Where(m => m.Name.StartsWith(name, StringComparison.OrdinalIgnoreCase)).ToList();
        return starting.Count > 0 ? starting : metrics.Where(m => m.Name.Contains(name, StringComparison.OrdinalIgnoreCase)).ToList();
    }

    // With a metric, its card; without one (map health's "Record a figure"), the metrics the caller records.
    private async Task<InvokeResponse> OpenAsync(TurnContext turn, AdaptiveCardAction action, CancellationToken cancellationToken)
    {
        if ((action.GetString(CardData.MetricId) ?? "").Length == 0)
        {
            var opened = await sessions.ForCardAsync(turn, action, cancellationToken, withParts: true);
            if (opened.Session is not { } session) return opened.Refusal!;
            var charter = opened.Program!.Charter;
            return Card(ReadingCards.Pick(opened.Program, charter.Metrics
                .Where(m => ReadingSchedule.MayRecord(charter, m, session.Caller.AadObjectId)).ToList(), null));
        }
        var (program, metric, _, refusal) = await OpenMetricAsync(turn, action, cancellationToken);
        return refusal ?? Card(ReadingCards.Ask(program!, metric!, Today(program!)));
    }

    private async Task<InvokeResponse> SaveAsync(TurnContext turn, AdaptiveCardAction action, CancellationToken cancellationToken)
    {
        var (program, metric, caller, refusal) = await OpenMetricAsync(turn, action, cancellationToken);
        if (refusal is not null) return refusal;
        var input = ReadingInput.Read(action.Data);
        var today = Today(program!);
        var reading = input.Validate(metric!, caller!, today, clock.GetUtcNow(), NumberText.UsesDecimalComma(turn.Activity.Locale));
        if (reading is null) return Card(ReadingCards.Ask(program!, metric!, today, input.Values, input.Errors));
        if (await readings.AddAsync(program!.Id, reading, cancellationToken) is not { } existing)
        {
            return Card(ReadingCards.Recorded(program, metric!, reading, today, replaced: false));
        }
        // The same person's same figure (a double click, a redelivered submit) is recorded already.
        if (existing.Reading.RecordedBy.AadObjectId == reading.RecordedBy.AadObjectId && existing.Reading.Value == reading.Value)
        {
            return Card(ReadingCards.Recorded(program, metric!, existing.Reading, today, replaced: false));
        }
        return Card(ReadingCards.Taken(program, metric!, existing, reading, input.Values));
    }

    // Replaces the figure seen on the card, and only that one: if it changed again meanwhile, the card says so anew.
    private async Task<InvokeResponse> ReplaceAsync(TurnContext turn, AdaptiveCardAction action, CancellationToken cancellationToken)
    {
        var (program, metric, caller, refusal) = await OpenMetricAsync(turn, action, cancellationToken);
        if (refusal is not null) return refusal;
        var input = ReadingInput.Read(action.Data);
        var today = Today(program!);
        var reading = input.Validate(metric!, caller!, today, clock.GetUtcNow(), NumberText.UsesDecimalComma(turn.Activity.Locale));
        if (reading is null) return Card(ReadingCards.Ask(program!, metric!, today, input.Values, input.Errors));
        var existing = await readings.GetAsync(program!.Id, metric!.Id, reading.On, cancellationToken);
        if (existing is null)
        {
            // Nothing there any more (the program was restored from an older backup): recorded as a new figure.
            return await readings.AddAsync(program.Id, reading, cancellationToken) is { } raced
                ? Card(ReadingCards.Taken(program, metric, raced, reading, input.Values, changedAgain: true))
                : Card(ReadingCards.Recorded(program, metric, reading, today, replaced: false));
        }
        if (existing.ETag.ToString() != action.GetString(CardData.ETag)
            || !await readings.ReplaceAsync(program.Id, existing.ETag, reading, cancellationToken))
        {
            var now = await readings.GetAsync(program.Id, metric.Id, reading.On, cancellationToken) ?? existing;
            return Card(ReadingCards.Taken(program, metric, now, reading, input.Values, changedAgain: true));
        }
        return Card(ReadingCards.Recorded(program, metric, reading, today, replaced: true));
    }

    private async Task<(JourneyProgram? Program, Metric? Metric, Person? Caller, InvokeResponse? Refusal)> OpenMetricAsync(
        TurnContext turn, AdaptiveCardAction action, CancellationToken cancellationToken)
    {
        var opened = await sessions.ForCardAsync(turn, action, cancellationToken, withParts: true);
        if (opened.Session is not { } session) return (null, null, null, opened.Refusal);
        var program = opened.Program!;
        if (program.Charter.Metrics.FirstOrDefault(m => m.Id == action.GetString(CardData.MetricId)) is not { } metric)
        {
            return (null, null, null, ProgramSessions.Refuse(NoSuchMetric));
        }
        if (!ReadingSchedule.MayRecord(program.Charter, metric, session.Caller.AadObjectId)) return (null, null, null, ProgramSessions.Refuse(NotYours));
        // Recorded under the name the program knows them by, when it does (Teams sends whatever name the client has).
        var caller = ProgramRoles.Members(program.Charter).FirstOrDefault(p => p.AadObjectId == session.Caller.AadObjectId) ?? session.Caller;
        return (program, metric, caller, null);
    }

    private DateOnly Today(JourneyProgram program) => WorkingTime.Today(clock.GetUtcNow(), program.Charter);
}
