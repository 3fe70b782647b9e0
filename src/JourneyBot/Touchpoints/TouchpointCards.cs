using JourneyBot.Cards;
using JourneyBot.Domain;
using JourneyBot.Programs;
using F = JourneyBot.Touchpoints.TouchpointFields;

namespace JourneyBot.Touchpoints;

public static class TouchpointCards
{

    private static readonly Choice[] Channels =
    [
        new("Web", "web"), new("Email", "email"), new("Phone", "phone"), new("In person", "inPerson"),
        new("Mobile app", "mobileApp"), new("Chat", "chat"), new("Letter", "letter"), new("Other", "other"),
    ];

    private static readonly Choice[] Emotions =
    [
        new("+2 delighted", "2"), new("+1 pleased", "1"), new("0 neutral", "0"), new("-1 annoyed", "-1"), new("-2 upset", "-2"),
    ];

    private static readonly Choice[] EvidenceKinds =
    [
        new("Customer interview", "customerInterview"), new("Survey / NPS", "surveyOrNps"), new("Analytics", "analytics"),
        new("Support tickets", "supportTickets"), new("Employee observation", "employeeObservation"), new("Assumption (no evidence yet)", "assumption"),
        new("Not recorded", "notRecorded"),
    ];

    // The form a contributor fills in. Values and errors come back when a submit was refused, so nothing typed is lost.
    public static AdaptiveCard Form(ProgramHeader program, Person caller, bool isOwner, string formId,
        IReadOnlyDictionary<string, string>? values = null, IReadOnlyDictionary<string, string>? errors = null, string? notice = null,
        StoredTouchpoint? editing = null, Touchpoint? savedMeanwhile = null)
    {
        values ??= new Dictionary<string, string>();
        errors ??= new Dictionary<string, string>();
        var charter = program.Charter;
        var departments = isOwner
            ? charter.Departments
            : charter.Departments.Where(d => d.Contacts.Any(c => c.AadObjectId == caller.AadObjectId)).ToList();
        string? Value(string field, string? fallback = null) => values.TryGetValue(field, out var v) ? v : fallback;

        var card = new AdaptiveCard { FallbackText = $"Add a touchpoint to {charter.Name}" };
        card.Add(
            new TextBlock($"{(editing is null ? "Add a touchpoint" : "Edit touchpoint")}: {CardText.Literal(charter.Name)}") { Size = TextSize.Medium, Weight = TextWeight.Bolder },
            new TextBlock("A touchpoint is any moment the customer hears, sees or deals with us on this journey."));
        // A notice is the app's own words, Markdown included ("Type **program**"): a name in it is escaped by whoever writes it.
        if (notice is not null) card.Add(new TextBlock(notice) { Color = TextColor.Warning });
        if (errors.Count > 0) card.Add(new TextBlock($"Nothing was saved yet: {Words.Count(errors.Count, "field")} {(errors.Count == 1 ? "needs" : "need")} a look.") { Color = TextColor.Attention, Weight = TextWeight.Bolder });

        var form = new CardForm(card, values, errors, savedMeanwhile is null ? null : ValuesOf(savedMeanwhile));

        form.Add(new InputChoiceSet(F.Stage, "Stage", charter.Stages.Select(s => new Choice(s.Name, s.Id)).ToList()) { Value = Value(F.Stage), IsRequired = true, Placeholder = "Pick the stage" });
        form.Add(new InputChoiceSet(F.Department, "Department", departments.Select(d => new Choice(d.Name, d.Id)).ToList())
        {
            Value = Value(F.Department, departments.Count == 1 ? departments[0].Id : null), IsRequired = true, Placeholder = "Pick the department",
        });
        form.Add(new InputChoiceSet(F.Channel, "Channel", Channels) { Value = Value(F.Channel), IsRequired = true, Placeholder = "Pick the channel" });
        form.Add(new InputText(F.CustomerAction, "What the customer does and sees") { Value = Value(F.CustomerAction), IsMultiline = true, MaxLength = TextLimits.LongText, IsRequired = true });
        form.Add(new InputChoiceSet(F.Personas, "Personas it applies to", charter.Personas.Select(p => new Choice(p.Name, p.Id)).ToList())
        {
            Value = Value(F.Personas, charter.Personas.Count == 1 ? charter.Personas[0].Id : null), IsMultiSelect = true, Expanded = true, IsRequired = true,
        });
        form.Add(new InputChoiceSet(F.Emotion, "How the customer feels", Emotions) { Value = Value(F.Emotion), Placeholder = "Pick the customer's emotion" });
        form.Add(new InputText(F.PainPoints, "Pain points") { Value = Value(F.PainPoints), IsMultiline = true, MaxLength = TextLimits.LongText });
        form.Add(new InputChoiceSet(F.Evidence, "How we know", EvidenceKinds) { Value = Value(F.Evidence, "notRecorded") });
        form.Add(new InputText(F.SourceLink, "Source link (optional)") { Value = Value(F.SourceLink), Placeholder = "https://...", MaxLength = TextLimits.Link });
        form.Add(new InputText(F.Verbatim, "In the customer's own words (optional)") { Value = Value(F.Verbatim), IsMultiline = true, MaxLength = TextLimits.LongText });
        card.Add(new TextBlock("Backstage: the employee's side") { Weight = TextWeight.Bolder, Separator = true });
        form.Add(new InputText(F.DeliveredBy, "Who delivers it") { Value = Value(F.DeliveredBy), MaxLength = TextLimits.Name });
        form.Add(new InputText(F.SystemOrProcess, "With which system or process") { Value = Value(F.SystemOrProcess), MaxLength = TextLimits.LongText });
        form.Add(new InputText(F.EmployeePain, "What makes it hard for the employee") { Value = Value(F.EmployeePain), IsMultiline = true, MaxLength = TextLimits.LongText });

        var data = new Dictionary<string, string> { [CardData.ProgramId] = program.Id, [CardData.FormId] = formId, [CardData.Version] = F.CurrentVersion };
        if (editing is not null)
        {
            data[CardData.TouchpointId] = editing.Touchpoint.Id;
            data[CardData.ETag] = editing.ETag.ToString();
        }
        card.AddActions(new CardExecuteAction(editing is null ? "Save touchpoint" : "Save changes", editing is null ? CardVerbs.TouchpointSave : CardVerbs.TouchpointUpdate) { Style = "positive", Data = data });
        return card;
    }

    // The form's values for a stored touchpoint, to edit it.
    public static Dictionary<string, string> ValuesOf(Touchpoint t)
    {
        var values = new Dictionary<string, string>
        {
            [F.Stage] = t.StageId, [F.Department] = t.DepartmentId, [F.Channel] = Camel(t.Channel),
            [F.CustomerAction] = t.CustomerAction, [F.Personas] = string.Join(",", t.PersonaIds), [F.Evidence] = Camel(t.Evidence),
        };
        void Put(string key, string? value) { if (!string.IsNullOrEmpty(value)) values[key] = value; }
        Put(F.Emotion, t.Emotion?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Put(F.PainPoints, t.PainPoints);
        Put(F.SourceLink, t.SourceLink);
        Put(F.Verbatim, t.Verbatim);
        Put(F.DeliveredBy, t.Backstage?.DeliveredBy);
        Put(F.SystemOrProcess, t.Backstage?.SystemOrProcess);
        Put(F.EmployeePain, t.Backstage?.EmployeePain);
        return values;
    }

    // The choice values are the enum names as the program file writes them.
    private static string Camel(Enum value) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    // A channel as people say it ("Mobile app", "In person"), the same words the form offers.
    public static string ChannelName(TouchpointChannel channel) => Channels.First(c => c.Value == Camel(channel)).Title;

    // The same words the form offers, so a card reads back what the contributor picked.
    public static string EmotionName(int? emotion) => emotion is { } e && Emotions.FirstOrDefault(c => c.Value == e.ToString(System.Globalization.CultureInfo.InvariantCulture)) is { } choice
        ? choice.Title
        : "not recorded";

    // After a save: what was saved, the silo question, and the next form with stage and department kept.
    public static AdaptiveCard Saved(ProgramHeader program, Touchpoint saved, Person caller, bool isOwner, string nextFormId)
    {
        var charter = program.Charter;
        var stage = charter.Stages.FirstOrDefault(s => s.Id == saved.StageId)?.Name ?? saved.StageId;
        var department = charter.Departments.FirstOrDefault(d => d.Id == saved.DepartmentId)?.Name ?? saved.DepartmentId;
        var next = Form(program, caller, isOwner, nextFormId, new Dictionary<string, string>
        {
            [F.Stage] = saved.StageId,
            [F.Department] = saved.DepartmentId,
            [F.Personas] = string.Join(",", saved.PersonaIds),
        });
        var card = new AdaptiveCard { FallbackText = "Touchpoint saved" };
        card.Add(
            new TextBlock("Touchpoint saved") { Size = TextSize.Medium, Weight = TextWeight.Bolder, Color = TextColor.Good },
            new FactSet([
                new Fact("Stage", CardText.Literal(stage)),
                new Fact("Department", CardText.Literal(department)),
                new Fact("Customer", CardText.Literal(CardText.Shorten(saved.CustomerAction, 200))),
            ]),
            new TextBlock($"What else does the customer hear or see from us during \"{CardText.Literal(stage)}\"?") { Weight = TextWeight.Bolder, Separator = true });
        // The next form follows, minus its own title: one card, ready for the next touchpoint.
        card.Body.AddRange(next.Body.Skip(2));
        card.Actions.AddRange(next.Actions);
        return card;
    }
}
