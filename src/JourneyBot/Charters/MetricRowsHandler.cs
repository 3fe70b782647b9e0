using JourneyBot.Bot;
using JourneyBot.Cards;
using JourneyBot.Domain;
using JourneyBot.Programs;
using JourneyBot.Protocol;
using static JourneyBot.Cards.CardResponses;

namespace JourneyBot.Charters;

// "Add a metric" and "Remove this metric" on the charter's metrics step: the same card comes back with one row
// more or less and everything typed kept. Nothing is saved until Save, so the owner can still change their mind.
public sealed partial class MetricRowsHandler(ProgramSessions sessions) : ICommandSource
{
    public IEnumerable<BotCommand> Commands => [];

    public IEnumerable<CardVerb> Verbs => [new(CardVerbs.CharterAddMetric, AddAsync), new(CardVerbs.CharterRemoveMetric, RemoveAsync)];

    private Task<InvokeResponse> AddAsync(TurnContext turn, AdaptiveCardAction action, CancellationToken cancellationToken) =>
        ChangeAsync(turn, action, (rows, formId) =>
            rows.Count >= CharterSteps.MaxMetrics
                ? (rows, $"A program keeps at most {CharterSteps.MaxMetrics} metrics: the few that say whether the journey got better.")
                : ([.. rows, CharterSteps.NewRowId("metric", formId, rows)], null),
            cancellationToken);

    private Task<InvokeResponse> RemoveAsync(TurnContext turn, AdaptiveCardAction action, CancellationToken cancellationToken)
    {
        var removed = action.GetString(CardData.RemoveRow);
        return ChangeAsync(turn, action, (rows, _) =>
            removed is not null && rows.Contains(removed)
                ? ([.. rows.Where(r => r != removed)], "Removed from the form. Save to keep the change; nothing is saved until then.")
                : (rows, "That metric is no longer on this form."),
            cancellationToken);
    }

    private async Task<InvokeResponse> ChangeAsync(TurnContext turn, AdaptiveCardAction action,
        Func<IReadOnlyList<string>, string, (IReadOnlyList<string> Rows, string? Notice)> change, CancellationToken cancellationToken)
    {
        var opened = await sessions.ForCardAsync(turn, action, cancellationToken, ProgramRole.Owner, CharterSteps.OnlyOwnersChange);
        if (opened.Session is not { } session) return opened.Refusal!;
        var formId = action.GetString(CardData.FormId) ?? "";
        if (!PlainId.IsValid(formId) || formId.Length < 8) return Card(ProgramCards.Refusal("This charter card is out of date. Type **program** for a current one."));
        var input = CharterInput.Read(action.Data);
        var values = new Dictionary<string, string>(input.Values, StringComparer.Ordinal);
        var charter = session.Program.Charter;
        var before = CharterSteps.MetricRows(values.GetValueOrDefault(CardData.MetricRows), charter, formId);
        var (rows, notice) = change(before, formId);
        foreach (var gone in before.Except(rows))
        {
            foreach (var key in values.Keys.Where(k => k.StartsWith($"metric.{gone}.", StringComparison.Ordinal)).ToList()) values.Remove(key);
        }
        values[CardData.MetricRows] = string.Join(",", rows);
        values.Remove(CardData.RemoveRow);
        // Values cut to their limits come back with what was said about them, as after a refused save.
        var errors = input.Errors.Where(e => !e.Key.StartsWith("metric.", StringComparison.Ordinal) || rows.Any(r => e.Key.StartsWith($"metric.{r}.", StringComparison.Ordinal)))
            .Where(e => e.Key != CardData.MetricRows).ToDictionary();
        // The card keeps the version it was read at, so Save still notices what others saved meanwhile.
        // (An etag no store would write is not carried: it could only make the card heavy.)
        var seen = action.GetString(CardData.ETag) is { Length: > 0 and <= 100 } etag && TableETag().IsMatch(etag)
            ? session.Program with { ETag = new Azure.ETag(etag) }
            : session.Program;
        return Card(CharterCards.Step(CharterSteps.Metrics, seen, charter, formId, values, errors, notice));
    }

    // The shape of a table row's version (W/"datetime'2026-12-03T19%3A00%3A00.1234567Z'"): anything else is not carried.
    [System.Text.RegularExpressions.GeneratedRegex(@"^W/""datetime'[0-9A-Za-z%.:\-]+'""$")]
    private static partial System.Text.RegularExpressions.Regex TableETag();
}
