using System.Globalization;
using JourneyBot.Cards;
using JourneyBot.Domain;

namespace JourneyBot.Actions;

public static class ActionCards
{
    public const int PageSize = 8;

    public static AdaptiveCard Form(JourneyProgram program, string formId, string? touchpointId, IReadOnlyDictionary<string, string>? values = null,
        IReadOnlyDictionary<string, string>? errors = null)
    {
        values ??= new Dictionary<string, string>();
        var card = new AdaptiveCard { FallbackText = $"New improvement action in {program.Charter.Name}" };
        card.Add(new TextBlock("New improvement action") { Size = TextSize.Medium, Weight = TextWeight.Bolder });
        if (touchpointId is not null && program.Touchpoints.FirstOrDefault(t => t.Id == touchpointId) is { } source)
        {
            card.Add(new TextBlock($"From: {CardText.Literal(CardText.Shorten(source.CustomerAction, 120))}") { IsSubtle = true },
                new TextBlock($"Pain points: {CardText.Literal(CardText.Shorten(source.PainPoints ?? "none recorded", 300))}") { Size = TextSize.Small });
        }
        if (errors is { Count: > 0 }) card.Add(new TextBlock("Nothing was saved yet: check the fields marked below.") { Color = TextColor.Attention });
        var form = new CardForm(card, values, errors ?? new Dictionary<string, string>(), null);
        form.Add(new InputText(ActionInput.Title, "What will be done") { IsRequired = true, MaxLength = TextLimits.Name, Value = values.GetValueOrDefault(ActionInput.Title), Placeholder = "e.g. Show the new price in the renewal notice" });
        var known = ProgramRoles.Members(program.Charter).Concat(program.Charter.Departments.SelectMany(d => d.Contacts))
            .DistinctBy(p => p.AadObjectId).Select(p => new Choice(p.DisplayName, p.AadObjectId)).ToList();
        form.Add(new PeoplePicker(ActionInput.Owner, "Owner", known) { IsRequired = true, IsMultiSelect = false, Value = values.GetValueOrDefault(ActionInput.Owner) });
        form.Add(new InputDate(ActionInput.DueOn, "Due on") { IsRequired = true, Value = values.GetValueOrDefault(ActionInput.DueOn) });
        var metrics = program.Charter.Metrics.Where(m => m.Kind == MetricKind.Outcome).Select(m => new Choice(m.Name, m.Id)).ToList();
        form.Add(new InputChoiceSet(ActionInput.Metric, "Outcome metric it should move", metrics) { Value = values.GetValueOrDefault(ActionInput.Metric), Placeholder = "None" });
        var data = new Dictionary<string, string> { [CardData.ProgramId] = program.Id, [CardData.FormId] = formId };
        if (touchpointId is not null) data[CardData.TouchpointId] = touchpointId;
        card.AddActions(new CardExecuteAction("Save action", CardVerbs.ActionSave) { Style = "positive", Data = data });
        return card;
    }

    public static AdaptiveCard Saved(JourneyProgram program, ImprovementAction action, Person caller) => new AdaptiveCard { FallbackText = $"Action saved: {action.Title}" }
        .Add(
            new TextBlock("Improvement action saved") { Size = TextSize.Medium, Weight = TextWeight.Bolder, Color = TextColor.Good },
            new FactSet([
                new Fact("Action", CardText.Literal(action.Title)),
                new Fact("Owner", CardText.Literal(action.Owner.DisplayName)),
                new Fact("Due", action.DueOn.ToString("d MMM yyyy", CultureInfo.InvariantCulture)),
                new Fact("Moves", CardText.Literal(program.Charter.Metrics.FirstOrDefault(m => m.Id == action.MetricId)?.Name ?? "no metric named")),
            ]),
            new TextBlock((action.Owner.AadObjectId == caller.AadObjectId ? "" : $"{CardText.Literal(action.Owner.DisplayName)} gets a card with it, to accept it or hand it back. ")
                + "Its owner is reminded when it is overdue, and sponsors see it in their progress cards.") { IsSubtle = true })
        .AddActions(new CardExecuteAction("All actions", CardVerbs.ActionsList) { Data = new Dictionary<string, string> { [CardData.ProgramId] = program.Id } });

    public static AdaptiveCard List(JourneyProgram program, string caller, bool isOwner, DateOnly today, int page, string? note = null)
    {
        // Open ones first (overdue, then by due day); then done ones, those that moved their metric most first.
        var rank = ActionImpact.Ranked(program).Select((r, i) => (r.Action.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var ordered = program.Actions.OrderBy(a => a.IsClosed()).ThenBy(a => a.Status == ActionStatus.Dropped)
            .ThenBy(a => rank.GetValueOrDefault(a.Id, -1)).ThenByDescending(a => a.IsOverdue(today)).ThenBy(a => a.DueOn)
            .ThenBy(a => a.Title, StringComparer.Ordinal).ToList();
        var pages = Math.Max(1, (ordered.Count + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 0, pages - 1);
        var card = new AdaptiveCard { FallbackText = $"Improvement actions of {program.Charter.Name}" };
        card.Add(
            new TextBlock($"Improvement actions: {CardText.Literal(program.Charter.Name)}") { Size = TextSize.Medium, Weight = TextWeight.Bolder },
            new TextBlock($"{ordered.Count(a => !a.IsClosed())} open, {ordered.Count(a => a.Status == ActionStatus.Done)} done, {ordered.Count(a => a.IsOverdue(today))} overdue · page {page + 1} of {pages}") { IsSubtle = true });
        if (note is not null) card.Add(new TextBlock(CardText.Literal(note)) { Color = TextColor.Warning });
        if (ordered.Count == 0) card.Add(new TextBlock("No actions yet. Turn a pain point into one from **review** (\"Create action\") or type **new action**."));
        foreach (var action in ordered.Skip(page * PageSize).Take(PageSize))
        {
            var state = action.IsOverdue(today) ? $"OVERDUE since {action.DueOn:d MMM}" : $"{Status(action.Status)} · due {action.DueOn:d MMM yyyy}";
            var items = new List<CardElement>
            {
                new TextBlock(CardText.Literal(action.Title)) { Weight = TextWeight.Bolder },
                new TextBlock($"{CardText.Literal(action.Owner.DisplayName)} · {state}") { IsSubtle = !action.IsOverdue(today), Color = action.IsOverdue(today) ? TextColor.Attention : TextColor.Default, Size = TextSize.Small, Spacing = "none" },
            };
            if (ImpactWords.Of(program, action) is { } impact
                && program.Charter.Metrics.FirstOrDefault(m => m.Id == action.MetricId) is { } metric)
            {
                items.Add(new TextBlock(CardText.Literal($"{CardText.Shorten(metric.Name, 60)}: {impact}"))
                    { Size = TextSize.Small, Spacing = "none", Color = ActionImpact.Of(program, action)?.TowardsTarget > 0 ? TextColor.Good : TextColor.Default });
            }
            if (!action.IsClosed() && (isOwner || action.Owner.AadObjectId == caller))
            {
                // Only moves the action can still make: no "In progress" for one already in progress.
                items.Add(new ActionSet([
                    StatusAction("Done", program.Id, action.Id, ActionStatus.Done, page),
                    .. action.Status == ActionStatus.InProgress ? Array.Empty<CardExecuteAction>() : [StatusAction("In progress", program.Id, action.Id, ActionStatus.InProgress, page)],
                    StatusAction("Drop", program.Id, action.Id, ActionStatus.Dropped, page),
                ]));
            }
            card.Add(new Container(items) { Separator = true });
        }
        var paging = new Dictionary<string, string> { [CardData.ProgramId] = program.Id };
        if (page > 0) card.AddActions(new CardExecuteAction("Previous", CardVerbs.ActionsList) { Data = new Dictionary<string, string>(paging) { [CardData.Page] = (page - 1).ToString(CultureInfo.InvariantCulture) } });
        if (page < pages - 1) card.AddActions(new CardExecuteAction("Next", CardVerbs.ActionsList) { Data = new Dictionary<string, string>(paging) { [CardData.Page] = (page + 1).ToString(CultureInfo.InvariantCulture) } });
        return card;
    }

    private static CardExecuteAction StatusAction(string title, string programId, string actionId, ActionStatus status, int page) => new(title, CardVerbs.ActionStatus)
    {
        Data = new Dictionary<string, string>
        {
            [CardData.ProgramId] = programId, [CardData.ActionId] = actionId, ["status"] = System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(status.ToString()),
            [CardData.Page] = page.ToString(CultureInfo.InvariantCulture),
        },
    };

    private static string Status(ActionStatus status) => status switch
    {
        ActionStatus.InProgress => "in progress",
        _ => status.ToString().ToLowerInvariant(),
    };
}
