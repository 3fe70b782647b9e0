using System.Globalization;
using JourneyBot.Cards;
using JourneyBot.Domain;
using JourneyBot.Programs;

namespace JourneyBot.Charters;

// The charter dialog: one card per step, updated in place, and the review card that says exactly what still
// blocks collection.
public static class CharterCards
{
    private static readonly Choice[] Weekdays = Enum.GetValues<DayOfWeek>().Skip(1).Append(DayOfWeek.Sunday)
        .Select(d => new Choice(d.ToString(), d.ToString().ToLowerInvariant())).ToArray();

    public static AdaptiveCard Step(string step, ProgramHeader? program, Charter charter, string formId,
        IReadOnlyDictionary<string, string>? typed = null, IReadOnlyDictionary<string, string>? errors = null, string? notice = null,
        IReadOnlyDictionary<string, PendingChoice>? pending = null, Charter? savedMeanwhile = null, IReadOnlyList<Person>? directory = null)
    {
        var values = Defaults(step, charter, formId);
        foreach (var (key, value) in typed ?? new Dictionary<string, string>()) values[key] = value;
        errors ??= new Dictionary<string, string>();
        var index = CharterSteps.Order.ToList().IndexOf(step);
        var card = new AdaptiveCard { FallbackText = $"Program charter: {CharterSteps.Titles[step]}" };
        card.Add(
            new TextBlock($"{(program is null ? "New program" : CardText.Literal(charter.Name))}: {CharterSteps.Titles[step]}") { Size = TextSize.Medium, Weight = TextWeight.Bolder },
            new TextBlock($"Step {index + 1} of {CharterSteps.Order.Count}. {Hint(step)}") { IsSubtle = true });
        // A notice is the app's own words, Markdown included ("Type **program**"): a name in it is escaped by whoever writes it.
        if (notice is not null) card.Add(new TextBlock(notice) { Color = TextColor.Warning, Weight = TextWeight.Bolder });
        if (errors.Count > 0) card.Add(new TextBlock($"Nothing was saved yet: {errors.Count} field(s) need a look.") { Color = TextColor.Attention, Weight = TextWeight.Bolder });

        var form = new CardForm(card, values, errors, savedMeanwhile is null ? null : Defaults(step, savedMeanwhile, formId));
        void Field(CardInput input, string id)
        {
            form.Add(input);
            // A removed row still used by touchpoints: the owner says where they go.
            if (pending?.TryGetValue(id, out var question) == true)
            {
                card.Add(new InputChoiceSet(question.InputId, "Its touchpoints", question.Choices.Select(c => new Choice(CardText.Shorten(c.Title, 80), c.Value)).ToList())
                {
                    Value = values.GetValueOrDefault(question.InputId), Placeholder = "Pick where they go",
                });
            }
        }
        string? V(string id) => values.GetValueOrDefault(id);
        var known = ProgramRoles.Members(charter).Select(p => new Choice(p.DisplayName, p.AadObjectId)).ToList();

        switch (step)
        {
            case CharterSteps.Basics:
                Field(new InputText("name", "Program name") { Value = V("name"), MaxLength = TextLimits.Name, IsRequired = true }, "name");
                Field(new InputText("journeyStart", "The one journey it maps starts when…") { Value = V("journeyStart"), Placeholder = "renewal notice received", MaxLength = TextLimits.JourneyEnd }, "journeyStart");
                Field(new InputText("journeyEnd", "…and ends when") { Value = V("journeyEnd"), Placeholder = "licence renewed", MaxLength = TextLimits.JourneyEnd }, "journeyEnd");
                Field(new InputText("objective", "Objective: what should change, for whom") { Value = V("objective"), IsMultiline = true, MaxLength = TextLimits.LongText }, "objective");
                Field(new InputText("definitionOfDone", "Definition of done") { Value = V("definitionOfDone"), IsMultiline = true, MaxLength = TextLimits.LongText }, "definitionOfDone");
                Field(new InputText("budget", "Budget") { Value = V("budget"), MaxLength = TextLimits.LongText }, "budget");
                Field(new InputText("resources", "Resources (people, time)") { Value = V("resources"), MaxLength = TextLimits.LongText }, "resources");
                break;
            case CharterSteps.Metrics:
                foreach (var id in CharterSteps.RowIds("metric", charter.Metrics.Select(m => m.Id), CharterSteps.MaxMetrics, formId))
                {
                    card.Add(new TextBlock("Metric") { Weight = TextWeight.Bolder, Separator = true, Size = TextSize.Small });
                    Field(new InputText($"metric.{id}.name", "Name") { Value = V($"metric.{id}.name"), MaxLength = TextLimits.Name }, $"metric.{id}.name");
                    Field(new InputChoiceSet($"metric.{id}.kind", "Kind", [new("Outcome: changes for the customer or business", "outcome"), new("Output: what we do or produce", "output")]) { Value = V($"metric.{id}.kind") ?? "outcome" }, $"metric.{id}.kind");
                    Field(new InputText($"metric.{id}.baseline", "Baseline") { Value = V($"metric.{id}.baseline"), MaxLength = 30 }, $"metric.{id}.baseline");
                    Field(new InputText($"metric.{id}.target", "Target") { Value = V($"metric.{id}.target"), MaxLength = 30 }, $"metric.{id}.target");
                    Field(new InputText($"metric.{id}.unit", "Unit") { Value = V($"metric.{id}.unit"), MaxLength = 20 }, $"metric.{id}.unit");
                }
                break;
            case CharterSteps.People:
                Field(new PeoplePicker("owners", "Owners (edit the charter, run reviews)", known) { Value = V("owners"), IsRequired = true }, "owners");
                Field(new PeoplePicker("sponsors", "Sponsors (receive progress cards)", known) { Value = V("sponsors") }, "sponsors");
                break;
            case CharterSteps.Departments:
                foreach (var id in CharterSteps.RowIds("dept", charter.Departments.Select(d => d.Id), CharterSteps.MaxDepartments, formId))
                {
                    Field(new InputText($"dept.{id}.name", "Department") { Value = V($"dept.{id}.name"), MaxLength = TextLimits.Name, Separator = true }, $"dept.{id}.name");
                    // Each picker lists only its own contacts: the directory search finds everyone else, and the card stays small.
                    var typedContacts = (V($"dept.{id}.contacts") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries);
                    var contacts = (charter.Departments.FirstOrDefault(d => d.Id == id)?.Contacts ?? [])
                        .Concat(directory?.Where(p => typedContacts.Contains(p.AadObjectId)) ?? [])
                        .DistinctBy(p => p.AadObjectId).Select(p => new Choice(p.DisplayName, p.AadObjectId)).ToList();
                    Field(new PeoplePicker($"dept.{id}.contacts", "Contacts", contacts) { Value = V($"dept.{id}.contacts") }, $"dept.{id}.contacts");
                }
                break;
            case CharterSteps.Shape:
                card.Add(new TextBlock("Stages, in journey order (2 to 12)") { Weight = TextWeight.Bolder });
                foreach (var id in CharterSteps.RowIds("stage", charter.Stages.Select(s => s.Id), CharterRules.MaxStages + 1, formId))
                {
                    Field(new InputText($"stage.{id}", "Stage") { Value = V($"stage.{id}"), MaxLength = TextLimits.Name }, $"stage.{id}");
                }
                card.Add(new TextBlock("Personas or segments") { Weight = TextWeight.Bolder, Separator = true });
                foreach (var id in CharterSteps.RowIds("persona", charter.Personas.Select(p => p.Id), CharterSteps.MaxPersonas, formId))
                {
                    Field(new InputText($"persona.{id}.name", "Persona") { Value = V($"persona.{id}.name"), MaxLength = TextLimits.Name }, $"persona.{id}.name");
                }
                card.Add(new TextBlock("Rhythm") { Weight = TextWeight.Bolder, Separator = true });
                Field(new InputNumber("cadence", "Review every (days)") { Value = V("cadence"), Min = 1, Max = TextLimits.MaxReviewCadenceDays }, "cadence");
                Field(new InputText("timeZone", "Time zone for reminders") { Value = V("timeZone"), Placeholder = "Europe/London" }, "timeZone");
                Field(new InputTime("hoursStart", "Working hours from") { Value = V("hoursStart") }, "hoursStart");
                Field(new InputTime("hoursEnd", "to") { Value = V("hoursEnd") }, "hoursEnd");
                Field(new InputChoiceSet("days", "Working days", Weekdays) { Value = V("days"), IsMultiSelect = true, Expanded = true }, "days");
                break;
        }

        var data = new Dictionary<string, string>
        {
            ["programId"] = program?.Id ?? "", ["step"] = step, ["formId"] = formId, ["v"] = CharterSteps.Version, ["etag"] = program?.ETag.ToString() ?? "",
        };
        // People found in the directory travel with the form, so their names are known when it is saved.
        if (directory is { Count: > 0 }) data[CharterSteps.DirectoryNames] = string.Join(";", directory.Select(p => $"{p.AadObjectId}={CardText.Shorten(p.DisplayName, 60).Replace(";", ",").Replace("=", "-")}"));
        card.AddActions(new CardExecuteAction(index < CharterSteps.Order.Count - 1 ? "Save and continue" : "Save and review", CharterSteps.SaveVerb) { Style = "positive", Data = data });
        if (step == CharterSteps.Departments && program is not null)
        {
            card.AddActions(new CardExecuteAction("Find contacts in the directory", CharterSteps.LookupVerb) { Data = new Dictionary<string, string>(data) });
        }
        if (program is not null) card.AddActions(new CardExecuteAction("Back to the charter", CharterSteps.EditVerb) { Data = new Dictionary<string, string> { ["programId"] = program.Id, ["step"] = "review" } });
        return card;
    }

    // Teams lets up to 60 users get their own refreshed view of a card.
    public const int MaxRefreshUsers = 60;

    // In a shared conversation the card everyone sees is the read-only one; the owners' Teams clients (named by
    // their Teams user ids, the MRIs) refresh it into the owner view, with Edit and Open collection.
    public const int UnreachableShown = 5;

    public static AdaptiveCard Review(ProgramHeader program, bool isOwner, string? notice = null, IReadOnlyList<string>? refreshUserIds = null,
        IReadOnlyList<(string Name, string Reason, DateTimeOffset At)>? unreachable = null)
    {
        var charter = program.Charter;
        var missing = CharterRules.MissingForCollection(charter);
        var warnings = CharterRules.ScopeWarnings(charter);
        var card = new AdaptiveCard
        {
            FallbackText = $"Charter of {charter.Name}",
            Refresh = refreshUserIds is { Count: > 0 }
                ? new CardRefresh(new CardExecuteAction("Show the owner view", CharterSteps.EditVerb) { Data = new Dictionary<string, string> { ["programId"] = program.Id, ["step"] = "review" } },
                    refreshUserIds.Take(MaxRefreshUsers).ToList())
                : null,
        };
        card.Add(new TextBlock($"Charter: {CardText.Literal(charter.Name)}") { Size = TextSize.Medium, Weight = TextWeight.Bolder });
        // A notice is the app's own words, Markdown included ("Type **program**"): a name in it is escaped by whoever writes it.
        if (notice is not null) card.Add(new TextBlock(notice) { Color = TextColor.Good, Weight = TextWeight.Bolder });
        card.Add(new FactSet([
            new Fact("Journey", charter.Journey is { } j ? CardText.Literal($"{Short(j.StartTrigger)} → {Short(j.End)}") : "not set"),
            new Fact("Objective", Short(charter.Objective) is { Length: > 0 } o ? CardText.Literal(o) : "not set"),
            new Fact("Done when", Short(charter.DefinitionOfDone) is { Length: > 0 } d ? CardText.Literal(d) : "not set"),
            new Fact("Metrics", charter.Metrics.Count == 0 ? "none" : CardText.Literal(string.Join("; ", charter.Metrics.Take(5).Select(m => $"{Short(m.Name, 40)} ({m.Kind.ToString().ToLowerInvariant()}{(m.Target is { } t ? $", target {t.ToString(CultureInfo.InvariantCulture)}{m.Unit}" : "")})")))),
            new Fact("Owners", Names(charter.Owners)),
            new Fact("Sponsors", Names(charter.Sponsors)),
            new Fact("Departments", charter.Departments.Count == 0 ? "none" : CardText.Literal(string.Join(", ", charter.Departments.Take(8).Select(d => $"{Short(d.Name, 30)} ({d.Contacts.Count})"))) + More(charter.Departments.Count, 8)),
            new Fact("Personas", charter.Personas.Count == 0 ? "none" : CardText.Literal(string.Join(", ", charter.Personas.Take(6).Select(p => Short(p.Name, 30)))) + More(charter.Personas.Count, 6)),
            new Fact("Stages", charter.Stages.Count == 0 ? "none" : CardText.Literal(string.Join(" → ", charter.Stages.Select(s => Short(s.Name, 24))))),
            new Fact("Reviews", $"every {charter.ReviewCadenceDays} days"),
            new Fact("Collection", program.CollectionOpenedOn is { } opened ? $"open since {opened:yyyy-MM-dd}" : "not open yet"),
        ]));
        if (missing.Count > 0)
        {
            card.Add(new TextBlock("Before collection can open, add:") { Weight = TextWeight.Bolder, Color = TextColor.Attention, Separator = true });
            // An item can name departments ("a contact for ..."); the rules' own words carry no Markdown.
            foreach (var item in missing) card.Add(new TextBlock("• " + CardText.Literal(item)) { Spacing = "none" });
        }
        foreach (var warning in warnings) card.Add(new TextBlock(warning) { Color = TextColor.Warning });
        if (!isOwner) return card;
        if (unreachable is { Count: > 0 })
        {
            card.Add(new TextBlock($"JourneyBot could not reach {unreachable.Count} {(unreachable.Count == 1 ? "person" : "people")}:") { Weight = TextWeight.Bolder, Color = TextColor.Warning, Separator = true });
            foreach (var (name, reason, at) in unreachable.OrderByDescending(u => u.At).Take(UnreachableShown))
            {
                card.Add(new TextBlock($"• {CardText.Literal(CardText.Shorten(name, 60))} ({at:d MMM}): {CardText.Literal(CardText.Shorten(reason, 200))}") { Size = TextSize.Small, Spacing = "none" });
            }
            if (unreachable.Count > UnreachableShown) card.Add(new TextBlock($"And {unreachable.Count - UnreachableShown} more.") { IsSubtle = true, Size = TextSize.Small });
        }
        card.AddActions(
            new CardExecuteAction("Edit", CharterSteps.EditVerb) { Data = new Dictionary<string, string> { ["programId"] = program.Id, ["step"] = FirstIncompleteStep(charter) } });
        if (missing.Count == 0 && program.CollectionOpenedOn is null)
        {
            card.AddActions(new CardExecuteAction("Open collection", CharterSteps.OpenCollectionVerb)
            {
                Style = "positive",
                Data = new Dictionary<string, string> { ["programId"] = program.Id, ["etag"] = program.ETag.ToString() },
            });
        }
        return card;
    }

    public static string FirstIncompleteStep(Charter charter) =>
        string.IsNullOrWhiteSpace(charter.Objective) || string.IsNullOrWhiteSpace(charter.DefinitionOfDone) || charter.Journey is null ? CharterSteps.Basics
        : !charter.Metrics.Any(m => m.Kind == MetricKind.Outcome && m.Target is not null) ? CharterSteps.Metrics
        : charter.Sponsors.Count == 0 ? CharterSteps.People
        : charter.Departments.Count < CharterRules.MinDepartments || charter.Departments.Any(d => d.Contacts.Count == 0) ? CharterSteps.Departments
        : CharterSteps.Shape;

    private static Dictionary<string, string> Defaults(string step, Charter charter, string formId)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        switch (step)
        {
            case CharterSteps.Basics:
                values["name"] = charter.Name;
                if (charter.Journey is { } j) { values["journeyStart"] = j.StartTrigger; values["journeyEnd"] = j.End; }
                Put(values, "objective", charter.Objective);
                Put(values, "definitionOfDone", charter.DefinitionOfDone);
                Put(values, "budget", charter.Budget);
                Put(values, "resources", charter.Resources);
                break;
            case CharterSteps.Metrics:
                foreach (var m in charter.Metrics)
                {
                    values[$"metric.{m.Id}.name"] = m.Name;
                    values[$"metric.{m.Id}.kind"] = m.Kind.ToString().ToLowerInvariant();
                    Put(values, $"metric.{m.Id}.baseline", m.Baseline?.ToString(CultureInfo.InvariantCulture));
                    Put(values, $"metric.{m.Id}.target", m.Target?.ToString(CultureInfo.InvariantCulture));
                    Put(values, $"metric.{m.Id}.unit", m.Unit);
                }
                break;
            case CharterSteps.People:
                values["owners"] = string.Join(",", charter.Owners.Select(p => p.AadObjectId));
                values["sponsors"] = string.Join(",", charter.Sponsors.Select(p => p.AadObjectId));
                break;
            case CharterSteps.Departments:
                foreach (var d in charter.Departments)
                {
                    values[$"dept.{d.Id}.name"] = d.Name;
                    values[$"dept.{d.Id}.contacts"] = string.Join(",", d.Contacts.Select(p => p.AadObjectId));
                }
                break;
            case CharterSteps.Shape:
                foreach (var s in charter.Stages) values[$"stage.{s.Id}"] = s.Name;
                foreach (var p in charter.Personas) values[$"persona.{p.Id}.name"] = p.Name;
                values["cadence"] = charter.ReviewCadenceDays.ToString(CultureInfo.InvariantCulture);
                if (charter.WorkingHours is { } h)
                {
                    values["timeZone"] = h.TimeZone;
                    values["hoursStart"] = h.Start.ToString("HH:mm", CultureInfo.InvariantCulture);
                    values["hoursEnd"] = h.End.ToString("HH:mm", CultureInfo.InvariantCulture);
                    values["days"] = string.Join(",", h.Days.Select(d => d.ToString().ToLowerInvariant()));
                }
                break;
        }
        return values;
    }

    private static void Put(Dictionary<string, string> values, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value)) values[key] = value;
    }

    private static string Hint(string step) => step switch
    {
        CharterSteps.Basics => "One program maps one journey, from a clear start to a clear end.",
        CharterSteps.Metrics => "Collection needs at least one outcome metric with a target.",
        CharterSteps.People => "Collection needs at least one sponsor.",
        CharterSteps.Departments => "Name every department the customer meets on this journey, each with a contact (at least two).",
        _ => "2 to 12 stages and at least one persona. Reminders respect the working hours.",
    };

    private static string Short(string? text, int max = 120) => text is null ? "" : CardText.Shorten(text, max);

    private static string Names(IReadOnlyList<Person> people) =>
        people.Count == 0 ? "none" : CardText.Literal(string.Join(", ", people.Take(6).Select(p => Short(p.DisplayName, 40)))) + More(people.Count, 6);

    private static string More(int count, int shown) => count > shown ? $" and {count - shown} more" : "";
}
