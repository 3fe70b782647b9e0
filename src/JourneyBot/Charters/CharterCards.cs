using System.Globalization;
using JourneyBot.Cards;
using JourneyBot.Domain;
using JourneyBot.Programs;
using JourneyBot.Outreach;

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
        if (errors.Count > 0) card.Add(new TextBlock($"Nothing was saved yet: {Words.Count(errors.Count, "field")} {(errors.Count == 1 ? "needs" : "need")} a look.") { Color = TextColor.Attention, Weight = TextWeight.Bolder });

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
        IReadOnlyList<string> metricRows = [];
        Dictionary<string, string> FormData()
        {
            var d = new Dictionary<string, string>
            {
                [CardData.ProgramId] = program?.Id ?? "", [CardData.Step] = step, [CardData.FormId] = formId, [CardData.Version] = CharterSteps.Version, [CardData.ETag] = program?.ETag.ToString() ?? "",
            };
            if (step == CharterSteps.Metrics) d[CardData.MetricRows] = string.Join(",", metricRows);
            return d;
        }
        Dictionary<string, string> RowData(string? removed)
        {
            var d = FormData();
            if (removed is not null) d[CardData.RemoveRow] = removed;
            return d;
        }

        switch (step)
        {
            case CharterSteps.Basics:
                Field(new InputText(CharterFields.Name, "Program name") { Value = V(CharterFields.Name), MaxLength = TextLimits.Name, IsRequired = true }, CharterFields.Name);
                Field(new InputText(CharterFields.JourneyStart, "The one journey it maps starts when…") { Value = V(CharterFields.JourneyStart), Placeholder = "renewal notice received", MaxLength = TextLimits.JourneyEnd }, CharterFields.JourneyStart);
                Field(new InputText(CharterFields.JourneyEnd, "…and ends when") { Value = V(CharterFields.JourneyEnd), Placeholder = "licence renewed", MaxLength = TextLimits.JourneyEnd }, CharterFields.JourneyEnd);
                Field(new InputText(CharterFields.JourneyName, "The journey's name (optional)") { Value = V(CharterFields.JourneyName), Placeholder = "Licence renewal", MaxLength = TextLimits.Name }, CharterFields.JourneyName);
                card.Add(new TextBlock("Another journey you considered mapping here: record it, and map health will ask you to give it a program of its own.") { IsSubtle = true, Size = TextSize.Small, Separator = true });
                for (var i = 0; i < charter.MoreJourneys.Count + 1; i++)
                {
                    Field(new InputText(CharterFields.OtherJourneyName(i), "Other journey: name") { Value = V(CharterFields.OtherJourneyName(i)), MaxLength = TextLimits.Name }, CharterFields.OtherJourneyName(i));
                    Field(new InputText(CharterFields.OtherJourneyStart(i), "starts when…") { Value = V(CharterFields.OtherJourneyStart(i)), MaxLength = TextLimits.JourneyEnd }, CharterFields.OtherJourneyStart(i));
                    Field(new InputText(CharterFields.OtherJourneyEnd(i), "…and ends when") { Value = V(CharterFields.OtherJourneyEnd(i)), MaxLength = TextLimits.JourneyEnd }, CharterFields.OtherJourneyEnd(i));
                }
                Field(new InputText(CharterFields.Objective, "Objective: what should change, for whom") { Value = V(CharterFields.Objective), IsMultiline = true, MaxLength = TextLimits.LongText }, CharterFields.Objective);
                Field(new InputText(CharterFields.DefinitionOfDone, "Definition of done") { Value = V(CharterFields.DefinitionOfDone), IsMultiline = true, MaxLength = TextLimits.LongText }, CharterFields.DefinitionOfDone);
                Field(new InputText(CharterFields.Budget, "Budget") { Value = V(CharterFields.Budget), MaxLength = TextLimits.LongText }, CharterFields.Budget);
                Field(new InputText(CharterFields.Resources, "Resources (people, time)") { Value = V(CharterFields.Resources), MaxLength = TextLimits.LongText }, CharterFields.Resources);
                break;
            case CharterSteps.Resources:
                Field(new InputText(CharterFields.FundingAmount, "Budget set aside for the program (0 if there is none)") { Value = V(CharterFields.FundingAmount), MaxLength = 20 }, CharterFields.FundingAmount);
                Field(new InputText(CharterFields.FundingCurrency, "Currency") { Value = V(CharterFields.FundingCurrency), Placeholder = "EUR", MaxLength = 3 }, CharterFields.FundingCurrency);
                card.Add(new TextBlock("Time for the program, in % of a full-time role (0 if none)") { Weight = TextWeight.Bolder, Separator = true, Size = TextSize.Small });
                foreach (var person in CharterSteps.TeamCandidates(charter))
                {
                    var field = CharterFields.TimePercent(person.AadObjectId);
                    Field(new InputNumber(field, Short(person.DisplayName, 60)) { Value = V(field), Min = 0, Max = 100 }, field);
                }
                Field(new InputText(CharterFields.Tools, "Tools (comma-separated)") { Value = V(CharterFields.Tools), Placeholder = "Miro, Qualtrics", MaxLength = TextLimits.LongText }, CharterFields.Tools);
                break;
            case CharterSteps.Metrics:
                metricRows = CharterSteps.MetricRows(V(CardData.MetricRows), charter, formId);
                foreach (var id in metricRows)
                {
                    // One metric per row: what it is on one line, its numbers and Remove on the next.
                    Column Cell(CardInput input, string width = "stretch") => new(form.Parts(input)) { Width = width };
                    card.Add(new Container([
                        new ColumnSet([
                            Cell(new InputText(CharterFields.MetricName(id), "Metric") { Value = V(CharterFields.MetricName(id)), MaxLength = TextLimits.Name, Placeholder = "Renewal rate" }),
                            Cell(new InputChoiceSet(CharterFields.MetricKind(id), "Kind", [new("Outcome", "outcome"), new("Output", "output")]) { Value = V(CharterFields.MetricKind(id)) ?? "outcome" }),
                        ]),
                        new ColumnSet([
                            Cell(new InputText(CharterFields.MetricBaseline(id), "Baseline") { Value = V(CharterFields.MetricBaseline(id)), MaxLength = 30 }),
                            Cell(new InputText(CharterFields.MetricTarget(id), "Target") { Value = V(CharterFields.MetricTarget(id)), MaxLength = 30 }),
                            Cell(new InputText(CharterFields.MetricUnit(id), "Unit") { Value = V(CharterFields.MetricUnit(id)), MaxLength = 20, Placeholder = "%" }),
                        ]),
                        new ColumnSet([
                            Cell(new InputText(CharterFields.MetricCadence(id), "Read every (days)") { Value = V(CharterFields.MetricCadence(id)), MaxLength = 30, Placeholder = $"{Metric.DefaultCadenceDays}" }),
                            Cell(MetricOwnerPicker(id, V(CharterFields.MetricOwner(id)), known)),
                        ]),
                        new ActionSet([new CardExecuteAction("Remove this metric", CardVerbs.CharterRemoveMetric) { Data = RowData(id) }]),
                    ]) { Separator = true });
                }
                card.Add(new TextBlock("Outcome: what changes for the customer or the business. Output: what the program does or produces.") { IsSubtle = true, Size = TextSize.Small });
                if (metricRows.Count < CharterSteps.MaxMetrics) card.Add(new ActionSet([new CardExecuteAction("Add a metric", CardVerbs.CharterAddMetric) { Data = RowData(null) }]));
                break;
            case CharterSteps.People:
                Field(new PeoplePicker(CharterFields.Owners, "Owners (edit the charter, run reviews)", known) { Value = V(CharterFields.Owners), IsRequired = true }, CharterFields.Owners);
                Field(new PeoplePicker(CharterFields.Sponsors, "Sponsors (receive progress cards)", known) { Value = V(CharterFields.Sponsors) }, CharterFields.Sponsors);
                break;
            case CharterSteps.Departments:
                foreach (var id in CharterSteps.RowIds("dept", charter.Departments.Select(d => d.Id), CharterSteps.MaxDepartments, formId))
                {
                    Field(new InputText(CharterFields.DepartmentName(id), "Department") { Value = V(CharterFields.DepartmentName(id)), MaxLength = TextLimits.Name, Separator = true }, CharterFields.DepartmentName(id));
                    // Each picker lists only its own contacts: the directory search finds everyone else, and the card stays small.
                    var typedContacts = (V(CharterFields.DepartmentContacts(id)) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries);
                    var contacts = (charter.Departments.FirstOrDefault(d => d.Id == id)?.Contacts ?? [])
                        .Concat(directory?.Where(p => typedContacts.Contains(p.AadObjectId)) ?? [])
                        .DistinctBy(p => p.AadObjectId).Select(p => new Choice(p.DisplayName, p.AadObjectId)).ToList();
                    Field(new PeoplePicker(CharterFields.DepartmentContacts(id), "Contacts", contacts) { Value = V(CharterFields.DepartmentContacts(id)) }, CharterFields.DepartmentContacts(id));
                }
                break;
            case CharterSteps.Shape:
                card.Add(new TextBlock("Stages, in journey order (2 to 12)") { Weight = TextWeight.Bolder });
                foreach (var id in CharterSteps.RowIds("stage", charter.Stages.Select(s => s.Id), CharterRules.MaxStages + 1, formId))
                {
                    Field(new InputText(CharterFields.Stage(id), "Stage") { Value = V(CharterFields.Stage(id)), MaxLength = TextLimits.Name }, CharterFields.Stage(id));
                }
                card.Add(new TextBlock("Personas or segments") { Weight = TextWeight.Bolder, Separator = true });
                foreach (var id in CharterSteps.RowIds("persona", charter.Personas.Select(p => p.Id), CharterSteps.MaxPersonas, formId))
                {
                    Field(new InputText(CharterFields.PersonaName(id), "Persona") { Value = V(CharterFields.PersonaName(id)), MaxLength = TextLimits.Name }, CharterFields.PersonaName(id));
                }
                card.Add(new TextBlock("Rhythm") { Weight = TextWeight.Bolder, Separator = true });
                Field(new InputNumber(CharterFields.Cadence, "Review every (days)") { Value = V(CharterFields.Cadence), Min = 1, Max = TextLimits.MaxReviewCadenceDays }, CharterFields.Cadence);
                Field(new InputText(CharterFields.TimeZone, "Time zone for reminders") { Value = V(CharterFields.TimeZone), Placeholder = "Europe/London" }, CharterFields.TimeZone);
                Field(new InputTime(CharterFields.HoursStart, "Working hours from") { Value = V(CharterFields.HoursStart) }, CharterFields.HoursStart);
                Field(new InputTime(CharterFields.HoursEnd, "to") { Value = V(CharterFields.HoursEnd) }, CharterFields.HoursEnd);
                Field(new InputChoiceSet(CharterFields.Days, "Working days", Weekdays) { Value = V(CharterFields.Days), IsMultiSelect = true, Expanded = true }, CharterFields.Days);
                break;
        }

        var data = FormData();
        // People found in the directory travel with the form, so their names are known when it is saved.
        if (directory is { Count: > 0 }) data[CharterSteps.DirectoryNames] = string.Join(";", directory.Select(p => $"{p.AadObjectId}={CardText.Shorten(p.DisplayName, 60).Replace(";", ",").Replace("=", "-")}"));
        card.AddActions(new CardExecuteAction(index < CharterSteps.Order.Count - 1 ? "Save and continue" : "Save and review", CardVerbs.CharterSave) { Style = "positive", Data = data });
        if (step == CharterSteps.Departments && program is not null)
        {
            card.AddActions(new CardExecuteAction("Find contacts in the directory", CardVerbs.CharterLookup) { Data = new Dictionary<string, string>(data) });
        }
        if (program is not null) card.AddActions(new CardExecuteAction("Back to the charter", CardVerbs.CharterEdit) { Data = new Dictionary<string, string> { [CardData.ProgramId] = program.Id, [CardData.Step] = "review" } });
        return card;
    }

    // Teams lets up to 60 users get their own refreshed view of a card.
    public const int MaxRefreshUsers = 60;

    // In a shared conversation the card everyone sees is the read-only one; the owners' Teams clients (named by
    // their Teams user ids, the MRIs) refresh it into the owner view, with Edit and Open collection.
    public const int UnreachableShown = 5;

    public static AdaptiveCard Review(ProgramHeader program, bool isOwner, string? notice = null, IReadOnlyList<string>? refreshUserIds = null,
        IReadOnlyList<UnreachablePerson>? unreachable = null)
    {
        var charter = program.Charter;
        var missing = CharterRules.MissingForCollection(charter);
        var warnings = CharterRules.ScopeWarnings(charter);
        var card = new AdaptiveCard
        {
            FallbackText = $"Charter of {charter.Name}",
            Refresh = refreshUserIds is { Count: > 0 }
                ? new CardRefresh(new CardExecuteAction("Show the owner view", CardVerbs.CharterEdit) { Data = new Dictionary<string, string> { [CardData.ProgramId] = program.Id, [CardData.Step] = "review" } },
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
            new Fact("Metrics", charter.Metrics.Count == 0 ? "none" : CardText.Literal(string.Join("; ", charter.Metrics.Take(5).Select(MetricFact)))),
            new Fact("Owners", Names(charter.Owners)),
            new Fact("Sponsors", Names(charter.Sponsors)),
            new Fact("Resources", Resources(charter)),
            new Fact("Departments", charter.Departments.Count == 0 ? "none" : CardText.Literal(string.Join(", ", charter.Departments.Take(8).Select(d => $"{Short(d.Name, 30)} ({d.Contacts.Count})"))) + More(charter.Departments.Count, 8)),
            new Fact("Personas", charter.Personas.Count == 0 ? "none" : CardText.Literal(string.Join(", ", charter.Personas.Take(6).Select(p => Short(p.Name, 30)))) + More(charter.Personas.Count, 6)),
            new Fact("Stages", charter.Stages.Count == 0 ? "none" : CardText.Literal(string.Join(" → ", charter.Stages.Select(s => Short(s.Name, 24))))),
            new Fact("Reviews", $"every {charter.ReviewCadenceDays} days"),
            new Fact("Collection", program.CollectionOpenedOn is { } opened ? $"open since {opened:yyyy-MM-dd}" : "not open yet"),
        ]));
        if (FullTexts(charter) is { } full) card.Add(new ActionSet([new CardShowAction("Read the full texts", full)]));
        if (missing.Count > 0)
        {
            card.Add(new TextBlock("Before collection can open, add:") { Weight = TextWeight.Bolder, Color = TextColor.Attention, Separator = true });
            // An item can name departments ("a contact for ..."); the rules' own words carry no Markdown.
            foreach (var item in missing) card.Add(new TextBlock("• " + CardText.Literal(item)) { Spacing = "none" });
        }
        foreach (var warning in warnings) card.Add(new TextBlock(warning) { Color = TextColor.Warning });
        if (!isOwner) return card;
        var unnamed = ProgramRoles.Members(charter).Concat(charter.Departments.SelectMany(d => d.Contacts)).Where(p => p.DisplayName == Person.Unnamed)
            .Select(p => p.AadObjectId).Distinct().Count();
        if (unnamed > 0)
        {
            card.Add(new TextBlock($"{Words.Count(unnamed, "person", "people")} picked here {(unnamed == 1 ? "has" : "have")} no name yet: neither this chat nor the directory could name them. " +
                "JourneyBot tries again every day: it learns their name once they message JourneyBot, or once an admin grants JourneyBot User.Read.All so the directory names them.") { Color = TextColor.Warning });
        }
        if (unreachable is { Count: > 0 }) card.Add(InvitationCards.Unreachable(charter, unreachable, UnreachableShown));
        card.AddActions(
            new CardExecuteAction("Edit", CardVerbs.CharterEdit) { Data = new Dictionary<string, string> { [CardData.ProgramId] = program.Id, [CardData.Step] = FirstIncompleteStep(charter) } });
        if (missing.Count == 0 && program.CollectionOpenedOn is null)
        {
            card.AddActions(new CardExecuteAction("Open collection", CardVerbs.CollectionOpen)
            {
                Style = "positive",
                Data = new Dictionary<string, string> { [CardData.ProgramId] = program.Id, [CardData.ETag] = program.ETag.ToString() },
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
                values[CharterFields.Name] = charter.Name;
                if (charter.Journey is { } j) { values[CharterFields.JourneyStart] = j.StartTrigger; values[CharterFields.JourneyEnd] = j.End; Put(values, CharterFields.JourneyName, j.Name); }
                for (var i = 0; i < charter.MoreJourneys.Count; i++)
                {
                    Put(values, CharterFields.OtherJourneyName(i), charter.MoreJourneys[i].Name);
                    values[CharterFields.OtherJourneyStart(i)] = charter.MoreJourneys[i].StartTrigger;
                    values[CharterFields.OtherJourneyEnd(i)] = charter.MoreJourneys[i].End;
                }
                Put(values, CharterFields.Objective, charter.Objective);
                Put(values, CharterFields.DefinitionOfDone, charter.DefinitionOfDone);
                Put(values, CharterFields.Budget, charter.Budget);
                Put(values, CharterFields.Resources, charter.Resources);
                break;
            case CharterSteps.Metrics:
                values[CardData.MetricRows] = string.Join(",", CharterSteps.MetricRows(null, charter, formId));
                foreach (var m in charter.Metrics)
                {
                    values[CharterFields.MetricName(m.Id)] = m.Name;
                    values[CharterFields.MetricKind(m.Id)] = m.Kind.ToString().ToLowerInvariant();
                    Put(values, CharterFields.MetricBaseline(m.Id), m.Baseline?.ToString(CultureInfo.InvariantCulture));
                    Put(values, CharterFields.MetricTarget(m.Id), m.Target?.ToString(CultureInfo.InvariantCulture));
                    Put(values, CharterFields.MetricUnit(m.Id), m.Unit);
                    Put(values, CharterFields.MetricCadence(m.Id), m.CadenceDays?.ToString(CultureInfo.InvariantCulture));
                    Put(values, CharterFields.MetricOwner(m.Id), m.Owner?.AadObjectId);
                }
                break;
            case CharterSteps.People:
                values[CharterFields.Owners] = string.Join(",", charter.Owners.Select(p => p.AadObjectId));
                values[CharterFields.Sponsors] = string.Join(",", charter.Sponsors.Select(p => p.AadObjectId));
                break;
            case CharterSteps.Resources:
                if (charter.Funding is { } funding)
                {
                    values[CharterFields.FundingAmount] = funding.Amount.ToString(CultureInfo.InvariantCulture);
                    Put(values, CharterFields.FundingCurrency, funding.Currency);
                }
                foreach (var member in charter.Team) values[CharterFields.TimePercent(member.Person.AadObjectId)] = member.TimePercent.ToString(CultureInfo.InvariantCulture);
                Put(values, CharterFields.Tools, string.Join(", ", charter.Tools));
                break;
            case CharterSteps.Departments:
                foreach (var d in charter.Departments)
                {
                    values[CharterFields.DepartmentName(d.Id)] = d.Name;
                    values[CharterFields.DepartmentContacts(d.Id)] = string.Join(",", d.Contacts.Select(p => p.AadObjectId));
                }
                break;
            case CharterSteps.Shape:
                foreach (var s in charter.Stages) values[CharterFields.Stage(s.Id)] = s.Name;
                foreach (var p in charter.Personas) values[CharterFields.PersonaName(p.Id)] = p.Name;
                values[CharterFields.Cadence] = charter.ReviewCadenceDays.ToString(CultureInfo.InvariantCulture);
                if (charter.WorkingHours is { } h)
                {
                    values[CharterFields.TimeZone] = h.TimeZone;
                    values[CharterFields.HoursStart] = h.Start.ToString("HH:mm", CultureInfo.InvariantCulture);
                    values[CharterFields.HoursEnd] = h.End.ToString("HH:mm", CultureInfo.InvariantCulture);
                    values[CharterFields.Days] = string.Join(",", h.Days.Select(d => d.ToString().ToLowerInvariant()));
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
        CharterSteps.Resources => "A major project needs a budget and people with time set aside for it, not a side job.",
        CharterSteps.Departments => "Name every department the customer meets on this journey, each with a contact (at least two).",
        _ => "2 to 12 stages and at least one persona. Reminders respect the working hours.",
    };

    // The journey, objective and definition of done in full, when the facts above had to cut any of them.
    private static AdaptiveCard? FullTexts(Charter charter)
    {
        var texts = new (string Title, string? Text)[]
        {
            ("Journey starts when", charter.Journey?.StartTrigger), ("Journey ends when", charter.Journey?.End),
            ("Objective", charter.Objective), ("Done when", charter.DefinitionOfDone),
        };
        if (texts.All(t => t.Text is null || Short(t.Text) == t.Text)) return null;
        var card = new AdaptiveCard();
        foreach (var (title, text) in texts.Where(t => !string.IsNullOrWhiteSpace(t.Text)))
        {
            card.Add(new TextBlock(title) { Weight = TextWeight.Bolder }, new TextBlock(CardText.Literal(text!)) { Spacing = "none" });
        }
        return card;
    }

    private static string MetricFact(Metric m)
    {
        var target = m.Target is { } t ? $", target {t.ToString(CultureInfo.InvariantCulture)}{(m.Unit is null or "%" ? "" : " ")}{m.Unit}" : "";
        var cadence = m.CadenceDays is { } days ? $", read every {Words.Count(days, "day")}" : "";
        var asked = m.Owner is { } owner ? $", asked of {Short(owner.DisplayName, 40)}" : "";
        return $"{Short(m.Name, 40)} ({m.Kind.ToString().ToLowerInvariant()}{target}{cadence}{asked})";
    }

    // One person, found in the directory; only the chosen one travels as a choice (the card stays small with eight
    // metrics), and saving checks that the charter names them.
    private static PeoplePicker MetricOwnerPicker(string metricId, string? value, IReadOnlyList<Choice> members) =>
        new(CharterFields.MetricOwner(metricId), "Asked for the figure (blank: the owners)", members.Where(c => c.Value == value).ToList())
        {
            Value = value, IsMultiSelect = false,
        };

    private static string Short(string? text, int max = 120) => text is null ? "" : CardText.Shorten(text, max);

    private static string Names(IReadOnlyList<Person> people) =>
        people.Count == 0 ? "none" : CardText.Literal(string.Join(", ", people.Take(6).Select(p => Short(p.DisplayName, 40)))) + More(people.Count, 6);

    private static string Resources(Charter charter)
    {
        var budget = charter.Funding switch
        {
            { Amount: > 0 } f => $"{f.Amount.ToString("#,0.##", CultureInfo.InvariantCulture)} {f.Currency}",
            { } => "no budget",
            null => "budget not set",
        };
        var time = charter.Team.Sum(m => m.TimePercent) / 100.0;
        return $"{budget}; {time.ToString("0.##", CultureInfo.InvariantCulture)} of a full-time role from {Words.Count(charter.Team.Count, "person", "people")}";
    }

    private static string More(int count, int shown) => count > shown ? $" and {count - shown} more" : "";
}
