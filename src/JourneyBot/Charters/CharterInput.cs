using System.Globalization;
using System.Text.Json;
using JourneyBot.Cards;
using JourneyBot.Domain;

namespace JourneyBot.Charters;

// The question a removed row raises: the input that answers it and the answers offered.
public sealed record PendingChoice(string InputId, IReadOnlyList<(string Title, string Value)> Choices);

// How many active touchpoints use each stage, department and persona.
public sealed record TouchpointUse(IReadOnlyDictionary<string, int> PerStage, IReadOnlyDictionary<string, int> PerDepartment, IReadOnlyDictionary<string, int> PerPersona)
{
    public static readonly TouchpointUse None = new(new Dictionary<string, int>(), new Dictionary<string, int>(), new Dictionary<string, int>());

    public static TouchpointUse Of(IEnumerable<Touchpoint> touchpoints)
    {
        var list = touchpoints.Where(t => !t.Retired).ToList();
        return new(list.GroupBy(t => t.StageId).ToDictionary(g => g.Key, g => g.Count()),
            list.GroupBy(t => t.DepartmentId).ToDictionary(g => g.Key, g => g.Count()),
            list.SelectMany(t => t.PersonaIds).GroupBy(p => p).ToDictionary(g => g.Key, g => g.Count()));
    }
}

// One step of the charter dialog as submitted: typed values (kept to show again) and what is wrong with them.
// Existing stages, departments, personas and metrics keep their ids (input ids carry them), so renaming
// never orphans touchpoints.
public enum RelocationKind { Stage, Department, Persona }

// What happens to the touchpoints of a removed stage, department or persona: moved to another (ToId), or
// retired (stage, department) / dropped from the touchpoint (persona) when ToId is null.
public sealed record Relocation(RelocationKind Kind, string FromId, string? ToId);

public sealed class CharterInput : FormInput
{
    public const string Retire = "retire";
    // ISO 4217's code for "no currency", for a budget of 0 given without one.
    public const string NoCurrency = "XXX";

    public List<Relocation> Relocations { get; } = [];
    // Removed rows whose touchpoints need the owner's say: field id -> the choices to offer.
    public Dictionary<string, PendingChoice> Pending { get; } = new(StringComparer.Ordinal);

    public static CharterInput Read(JsonElement data)
    {
        var input = new CharterInput();
        input.ReadFrom(data, null, acceptNumbers: true);
        return input;
    }

    // Applies the step to the charter; null when something needs fixing (see Errors). newIdSeed makes the ids
    // of new rows the same when the same form is submitted twice.
    public Charter? Apply(string step, Charter charter, TouchpointUse use, IReadOnlyDictionary<string, Person> knownPeople, string newIdSeed)
    {
        var updated = step switch
        {
            CharterSteps.Basics => Basics(charter),
            CharterSteps.Metrics => Metrics(charter, newIdSeed),
            CharterSteps.People => People(charter, knownPeople),
            CharterSteps.Resources => Resources(charter),
            CharterSteps.Departments => Departments(charter, use.PerDepartment, knownPeople, newIdSeed),
            CharterSteps.Shape => Shape(charter, use, newIdSeed),
            _ => null,
        };
        if (updated is null && Errors.Count == 0) Errors[CardData.Step] = "This step is unknown; open the charter again with **program**.";
        return Errors.Count == 0 ? updated : null;
    }

    private Charter Basics(Charter charter)
    {
        var name = Text(CharterFields.Name, TextLimits.Name, required: true);
        var start = Text(CharterFields.JourneyStart, TextLimits.JourneyEnd);
        var end = Text(CharterFields.JourneyEnd, TextLimits.JourneyEnd);
        if ((start is null) != (end is null)) Errors[start is null ? CharterFields.JourneyStart : CharterFields.JourneyEnd] = "Give both what starts the journey and how it ends.";
        // Other journeys are recorded, not mapped: each is one the owner was tempted to include, and map health
        // flags the scope until it moves to a program of its own.
        var others = new List<Journey>();
        for (var i = 0; i < charter.MoreJourneys.Count + 1; i++)
        {
            var otherName = Text(CharterFields.OtherJourneyName(i), TextLimits.Name);
            var otherStart = Text(CharterFields.OtherJourneyStart(i), TextLimits.JourneyEnd);
            var otherEnd = Text(CharterFields.OtherJourneyEnd(i), TextLimits.JourneyEnd);
            if (otherName is null && otherStart is null && otherEnd is null) continue;
            if (otherStart is null || otherEnd is null) Errors[otherStart is null ? CharterFields.OtherJourneyStart(i) : CharterFields.OtherJourneyEnd(i)] = "Give both what starts that journey and how it ends, or clear it.";
            else others.Add(new Journey(otherStart, otherEnd, otherName));
        }
        return charter with
        {
            Name = name ?? charter.Name,
            Journey = start is not null && end is not null ? new Journey(start, end, Text(CharterFields.JourneyName, TextLimits.Name)) : null,
            MoreJourneys = others,
            Objective = Text(CharterFields.Objective, TextLimits.LongText),
            DefinitionOfDone = Text(CharterFields.DefinitionOfDone, TextLimits.LongText),
            Budget = Text(CharterFields.Budget, TextLimits.LongText),
            Resources = Text(CharterFields.Resources, TextLimits.LongText),
        };
    }

    private Charter Metrics(Charter charter, string seed)
    {
        var metrics = new List<Metric>();
        // The row list is the form's own data: a forged or cut one only names rows, so it is read leniently.
        Errors.Remove(CardData.MetricRows);
        var rows = Values.TryGetValue(CardData.MetricRows, out var listed)
            ? CharterSteps.MetricRows(listed, charter, seed)
            : CharterSteps.RowIds("metric", charter.Metrics.Select(m => m.Id), CharterSteps.MaxMetrics, seed);
        foreach (var id in rows)
        {
            var name = Text(CharterFields.MetricName(id), TextLimits.Name);
            if (name is null) continue;
            var kindText = Values.GetValueOrDefault(CharterFields.MetricKind(id), "outcome");
            if (!EnumChoice.TryParse<MetricKind>(kindText, out var kind)) Errors[CharterFields.MetricKind(id)] = "Pick output or outcome.";
            var baseline = Number(CharterFields.MetricBaseline(id), out var baselineUnit);
            var target = Number(CharterFields.MetricTarget(id), out var targetUnit);
            metrics.Add(new Metric(id, name, kind, baseline, target, Text(CharterFields.MetricUnit(id), 20) ?? targetUnit ?? baselineUnit,
                Cadence(CharterFields.MetricCadence(id)), MetricOwner(CharterFields.MetricOwner(id), charter)));
        }
        return charter with { Metrics = metrics };
    }

    // Days between readings; blank is the default (monthly).
    private int? Cadence(string field)
    {
        var days = Number(field);
        if (days is null && !Errors.ContainsKey(field)) return null;
        if (days is { } d && d == decimal.Truncate(d) && d is >= 1 and <= TextLimits.MaxReviewCadenceDays) return (int)d;
        Errors[field] = $"Give the days between readings as a whole number from 1 to {TextLimits.MaxReviewCadenceDays}, or leave it blank for monthly.";
        return null;
    }

    // Who is asked for the metric's figure: someone the charter already names (an owner, sponsor or department
    // contact), so a reading card never goes to a stranger; blank is the owners.
    private Person? MetricOwner(string field, Charter charter)
    {
        var id = Values.GetValueOrDefault(field)?.Trim();
        if (string.IsNullOrEmpty(id)) return null;
        if (ProgramRoles.Members(charter).FirstOrDefault(p => p.AadObjectId == id) is { } member) return member;
        Errors[field] = "Pick someone this charter already names (an owner, sponsor or department contact), or leave it blank for the owners.";
        return null;
    }

    private Charter People(Charter charter, IReadOnlyDictionary<string, Person> known)
    {
        var owners = PeopleIn(CharterFields.Owners, known);
        if (owners.Count == 0) Errors[CharterFields.Owners] = "A program needs at least one owner.";
        return charter with { Owners = owners, Sponsors = PeopleIn(CharterFields.Sponsors, known) };
    }

    // Budget as an amount (0 = explicitly none), the share of a full-time role each owner (and anyone already on
    // the team) has for the program, and the tools: what the DIY pitfall is measured on.
    private Charter Resources(Charter charter)
    {
        Funding? funding = null;
        var amount = Number(CharterFields.FundingAmount);
        var currency = Text(CharterFields.FundingCurrency, 3)?.ToUpperInvariant();
        if (amount is < 0) Errors[CharterFields.FundingAmount] = "The budget is 0 (none) or more.";
        else if (amount is > 0 && (currency is not { Length: 3 } || !currency.All(char.IsAsciiLetterUpper))) Errors[CharterFields.FundingCurrency] = "Give the currency as three letters, like EUR.";
        else if (amount is { } a) funding = new Funding(a, a == 0 ? currency ?? NoCurrency : currency!);
        var team = new List<TeamMember>();
        foreach (var person in CharterSteps.TeamCandidates(charter))
        {
            var field = CharterFields.TimePercent(person.AadObjectId);
            if (Number(field) is not { } percent || percent == 0) continue;
            if (percent is < 0 or > 100 || percent != Math.Floor(percent)) Errors[field] = "A whole percentage from 0 to 100.";
            else team.Add(new TeamMember(person, (int)percent));
        }
        var tools = (Text(CharterFields.Tools, TextLimits.LongText) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => t.Length > TextLimits.Name ? t[..TextLimits.Name] : t).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return charter with { Funding = funding, Team = team, Tools = tools };
    }

    private Charter Departments(Charter charter, IReadOnlyDictionary<string, int> used, IReadOnlyDictionary<string, Person> known, string seed)
    {
        var departments = new List<Department>();
        var removed = new List<(string Id, int Count)>();
        foreach (var id in CharterSteps.RowIds("dept", charter.Departments.Select(d => d.Id), CharterSteps.MaxDepartments, seed))
        {
            var name = Text(CharterFields.DepartmentName(id), TextLimits.Name);
            if (name is null)
            {
                if (used.GetValueOrDefault(id) is var count and > 0) removed.Add((id, count));
                continue;
            }
            departments.Add(new Department(id, name, PeopleIn(CharterFields.DepartmentContacts(id), known)));
        }
        foreach (var (id, count) in removed)
        {
            Decide(RelocationKind.Department, id, CharterFields.DepartmentName(id), $"This department has {Words.Count(count, "touchpoint")}", "Retire them",
                departments.Select(d => (d.Name, d.Id)).ToList());
        }
        foreach (var duplicate in departments.GroupBy(d => d.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            // A card shows an error as the app's Markdown: the name in it is shown as typed.
            Errors[CharterFields.DepartmentName(duplicate.Last().Id)] = $"\"{CardText.Literal(duplicate.Key)}\" is listed twice.";
        }
        return charter with { Departments = departments };
    }

    private Charter Shape(Charter charter, TouchpointUse use, string seed)
    {
        var stages = new List<Stage>();
        var removedStages = new List<(string Id, int Count)>();
        foreach (var id in CharterSteps.RowIds("stage", charter.Stages.Select(s => s.Id), CharterRules.MaxStages + 1, seed))
        {
            var name = Text(CharterFields.Stage(id), TextLimits.Name);
            if (name is null)
            {
                if (use.PerStage.GetValueOrDefault(id) is var count and > 0) removedStages.Add((id, count));
                continue;
            }
            stages.Add(new Stage(id, name));
        }
        var personas = new List<Persona>();
        var removedPersonas = new List<(string Id, int Count)>();
        foreach (var id in CharterSteps.RowIds("persona", charter.Personas.Select(p => p.Id), CharterSteps.MaxPersonas, seed))
        {
            var name = Text(CharterFields.PersonaName(id), TextLimits.Name);
            if (name is not null) personas.Add(new Persona(id, name, charter.Personas.FirstOrDefault(p => p.Id == id)?.Description));
            else if (use.PerPersona.GetValueOrDefault(id) is var count and > 0) removedPersonas.Add((id, count));
        }
        foreach (var (id, count) in removedStages)
        {
            Decide(RelocationKind.Stage, id, CharterFields.Stage(id), $"This stage has {Words.Count(count, "touchpoint")}", "Retire them", stages.Select(s => (s.Name, s.Id)).ToList());
        }
        foreach (var (id, count) in removedPersonas)
        {
            Decide(RelocationKind.Persona, id, CharterFields.PersonaName(id), $"{Words.Count(count, "touchpoint")} {(count == 1 ? "applies" : "apply")} to this persona", "Just remove it from them", personas.Select(p => (p.Name, p.Id)).ToList());
        }
        var cadence = Number(CharterFields.Cadence);
        if (cadence is null || cadence < 1 || cadence > TextLimits.MaxReviewCadenceDays || cadence != Math.Floor(cadence.Value))
        {
            Errors[CharterFields.Cadence] = $"The review cadence is a whole number of days from 1 to {TextLimits.MaxReviewCadenceDays}.";
            cadence = null;
        }
        WorkingHours? hours = null;
        var zone = Text(CharterFields.TimeZone, 64);
        if (zone is not null)
        {
            var start = Time(CharterFields.HoursStart);
            var end = Time(CharterFields.HoursEnd);
            var days = Values.GetValueOrDefault(CharterFields.Days, "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(d => EnumChoice.TryParse<DayOfWeek>(d, out var day) ? (DayOfWeek?)day : null).ToList();
            if (!TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _)) Errors[CharterFields.TimeZone] = "Use a time zone name such as Europe/London or America/New_York.";
            if (start is null || end is null || end <= start) Errors[CharterFields.HoursEnd] = "Working hours need a start and a later end, e.g. 09:00 to 17:30.";
            if (days.Count == 0 || days.Any(d => d is null)) Errors[CharterFields.Days] = "Pick the working days.";
            if (start is not null && end is not null && days.All(d => d is not null)) hours = new WorkingHours(start.Value, end.Value, days.Select(d => d!.Value).ToList(), zone);
        }
        return charter with { Stages = stages, Personas = personas, ReviewCadenceDays = (int)(cadence ?? charter.ReviewCadenceDays), WorkingHours = hours };
    }

    // A removed row that touchpoints use: the owner's choice (field + ".then") says where they go; until it is
    // given, the card asks, offering the remaining rows or retiring.
    private void Decide(RelocationKind kind, string id, string field, string what, string retireTitle, IReadOnlyList<(string Title, string Value)> remaining)
    {
        var choices = remaining.Select(r => ($"Move them to {r.Title}", r.Value)).Append((retireTitle, Retire)).ToList();
        var thenId = $"{field.Split('.')[0]}.{id}.then";
        var then = Values.GetValueOrDefault(thenId);
        if (then is null || !choices.Any(c => c.Item2 == then))
        {
            Errors[field] = $"{what}: say where they go before removing it, or keep it (renaming is fine).";
            Pending[field] = new PendingChoice(thenId, choices);
            return;
        }
        Relocations.Add(new Relocation(kind, id, then == Retire ? null : then));
    }

    private List<Person> PeopleIn(string field, IReadOnlyDictionary<string, Person> known)
    {
        var ids = Values.GetValueOrDefault(field, "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var people = new List<Person>();
        foreach (var id in ids.Distinct())
        {
            if (id.Length > TextLimits.Id || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                Errors[field] = "Pick people with the people picker.";
                continue;
            }
            // The picker sends ids only; names we know are kept, others are looked up later.
            people.Add(known.TryGetValue(id, out var person) ? person : new Person(id, Person.Unnamed));
        }
        return people;
    }

    // Choices, numbers and times hold short values; names, texts and people pickers keep the general limit.
    protected override int LimitOf(string field) =>
        field.EndsWith(".kind", StringComparison.Ordinal) || field.EndsWith(".baseline", StringComparison.Ordinal) || field.EndsWith(".target", StringComparison.Ordinal)
        || field.EndsWith(".then", StringComparison.Ordinal) || field is CharterFields.Cadence or CharterFields.HoursStart or CharterFields.HoursEnd or CharterFields.Days or CharterFields.TimeZone
            ? TextLimits.Id
            : base.LimitOf(field);

    // The person's locale decides whether "3,5" is three and a half (set from the turn by the handler).
    public bool DecimalComma { get; set; }

    private decimal? Number(string field) => Number(field, out _);

    // A unit typed with the number ("38%") is accepted and handed back, so the metric keeps it.
    private decimal? Number(string field, out string? unit)
    {
        unit = null;
        if (!Values.TryGetValue(field, out var text) || text.Trim().Length == 0) return null;
        if (NumberText.TryRead(text, DecimalComma, out var value, out unit)) return value;
        Errors[field] = "This must be a number, like 38, 38%, 1,200 or 3.5.";
        return null;
    }

    private TimeOnly? Time(string field) =>
        Values.TryGetValue(field, out var text) && TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;
}
