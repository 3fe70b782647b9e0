using System.Globalization;
using System.Text.Json;
using JourneyBot.Domain;

namespace JourneyBot.Charters;

// One step of the charter dialog as submitted: typed values (kept to show again) and what is wrong with them.
// Existing stages, departments, personas and metrics keep their ids (input ids carry them), so renaming
// never orphans touchpoints.
public sealed class CharterInput
{
    public Dictionary<string, string> Values { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public static CharterInput Read(JsonElement data)
    {
        var input = new CharterInput();
        if (data.ValueKind != JsonValueKind.Object) return input;
        foreach (var property in data.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.String) input.Values[property.Name] = property.Value.GetString()!.Trim();
            else if (property.Value.ValueKind == JsonValueKind.Number) input.Values[property.Name] = property.Value.GetRawText();
            else if (property.Value.ValueKind != JsonValueKind.Null) input.Errors[property.Name] = "This must be text.";
        }
        return input;
    }

    // Applies the step to the charter; null when something needs fixing (see Errors). newIdSeed makes the ids
    // of new rows the same when the same form is submitted twice.
    public Charter? Apply(string step, Charter charter, IReadOnlyDictionary<string, int> touchpointsPerStage, IReadOnlyDictionary<string, int> touchpointsPerDepartment,
        IReadOnlyDictionary<string, Person> knownPeople, string newIdSeed)
    {
        var updated = step switch
        {
            CharterSteps.Basics => Basics(charter),
            CharterSteps.Metrics => Metrics(charter, newIdSeed),
            CharterSteps.People => People(charter, knownPeople),
            CharterSteps.Departments => Departments(charter, touchpointsPerDepartment, knownPeople, newIdSeed),
            CharterSteps.Shape => Shape(charter, touchpointsPerStage, newIdSeed),
            _ => null,
        };
        if (updated is null && Errors.Count == 0) Errors["step"] = "This step is unknown; open the charter again with **program**.";
        return Errors.Count == 0 ? updated : null;
    }

    private Charter Basics(Charter charter)
    {
        var name = Text("name", TextLimits.Name, required: true);
        var start = Text("journeyStart", TextLimits.JourneyEnd);
        var end = Text("journeyEnd", TextLimits.JourneyEnd);
        if ((start is null) != (end is null)) Errors[start is null ? "journeyStart" : "journeyEnd"] = "Give both what starts the journey and how it ends.";
        return charter with
        {
            Name = name ?? charter.Name,
            Journey = start is not null && end is not null ? new Journey(start, end) : null,
            Objective = Text("objective", TextLimits.LongText),
            DefinitionOfDone = Text("definitionOfDone", TextLimits.LongText),
            Budget = Text("budget", TextLimits.LongText),
            Resources = Text("resources", TextLimits.LongText),
        };
    }

    private Charter Metrics(Charter charter, string seed)
    {
        var metrics = new List<Metric>();
        foreach (var id in RowIds("metric", charter.Metrics.Select(m => m.Id), CharterSteps.MaxMetrics, seed))
        {
            var name = Text($"metric.{id}.name", TextLimits.Name);
            if (name is null) continue;
            var kindText = Values.GetValueOrDefault($"metric.{id}.kind", "outcome");
            if (!Enum.TryParse<MetricKind>(kindText, ignoreCase: true, out var kind)) Errors[$"metric.{id}.kind"] = "Pick output or outcome.";
            metrics.Add(new Metric(id, name, kind, Number($"metric.{id}.baseline"), Number($"metric.{id}.target"), Text($"metric.{id}.unit", 20)));
        }
        return charter with { Metrics = metrics };
    }

    private Charter People(Charter charter, IReadOnlyDictionary<string, Person> known)
    {
        var owners = PeopleIn("owners", known);
        if (owners.Count == 0) Errors["owners"] = "A program needs at least one owner.";
        return charter with { Owners = owners, Sponsors = PeopleIn("sponsors", known) };
    }

    private Charter Departments(Charter charter, IReadOnlyDictionary<string, int> used, IReadOnlyDictionary<string, Person> known, string seed)
    {
        var departments = new List<Department>();
        foreach (var id in RowIds("dept", charter.Departments.Select(d => d.Id), CharterSteps.MaxDepartments, seed))
        {
            var name = Text($"dept.{id}.name", TextLimits.Name);
            if (name is null)
            {
                if (used.GetValueOrDefault(id) is var count and > 0)
                {
                    Errors[$"dept.{id}.name"] = $"This department has {count} touchpoint(s): keep it (rename it if you like) so they are not orphaned.";
                }
                continue;
            }
            departments.Add(new Department(id, name, PeopleIn($"dept.{id}.contacts", known)));
        }
        foreach (var duplicate in departments.GroupBy(d => d.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            Errors[$"dept.{duplicate.Last().Id}.name"] = $"\"{duplicate.Key}\" is listed twice.";
        }
        return charter with { Departments = departments };
    }

    private Charter Shape(Charter charter, IReadOnlyDictionary<string, int> used, string seed)
    {
        var stages = new List<Stage>();
        foreach (var id in RowIds("stage", charter.Stages.Select(s => s.Id), CharterRules.MaxStages + 1, seed))
        {
            var name = Text($"stage.{id}", TextLimits.Name);
            if (name is null)
            {
                if (used.GetValueOrDefault(id) is var count and > 0) Errors[$"stage.{id}"] = $"This stage has {count} touchpoint(s): keep it (rename it if you like) so they are not orphaned.";
                continue;
            }
            stages.Add(new Stage(id, name));
        }
        var personas = new List<Persona>();
        foreach (var id in RowIds("persona", charter.Personas.Select(p => p.Id), CharterSteps.MaxPersonas, seed))
        {
            var name = Text($"persona.{id}.name", TextLimits.Name);
            if (name is not null) personas.Add(new Persona(id, name, Text($"persona.{id}.description", TextLimits.LongText)));
        }
        var cadence = Number("cadence");
        if (cadence is null || cadence < 1 || cadence > TextLimits.MaxReviewCadenceDays || cadence != Math.Floor(cadence.Value))
        {
            Errors["cadence"] = $"The review cadence is a whole number of days from 1 to {TextLimits.MaxReviewCadenceDays}.";
        }
        WorkingHours? hours = null;
        var zone = Text("timeZone", 64);
        if (zone is not null)
        {
            var start = Time("hoursStart");
            var end = Time("hoursEnd");
            var days = Values.GetValueOrDefault("days", "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(d => Enum.TryParse<DayOfWeek>(d, ignoreCase: true, out var day) ? (DayOfWeek?)day : null).ToList();
            if (!TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _)) Errors["timeZone"] = "Use a time zone name such as Europe/London or America/New_York.";
            if (start is null || end is null || end <= start) Errors["hoursEnd"] = "Working hours need a start and a later end, e.g. 09:00 to 17:30.";
            if (days.Count == 0 || days.Any(d => d is null)) Errors["days"] = "Pick the working days.";
            if (start is not null && end is not null && days.All(d => d is not null)) hours = new WorkingHours(start.Value, end.Value, days.Select(d => d!.Value).ToList(), zone);
        }
        return charter with { Stages = stages, Personas = personas, ReviewCadenceDays = (int)(cadence ?? charter.ReviewCadenceDays), WorkingHours = hours };
    }

    private static IEnumerable<string> RowIds(string prefix, IEnumerable<string> existing, int max, string seed) =>
        CharterCards.RowIds(prefix, existing, max, seed);

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
            people.Add(known.TryGetValue(id, out var person) ? person : new Person(id, "Teams user"));
        }
        return people;
    }

    private string? Text(string field, int max, bool required = false)
    {
        if (Errors.ContainsKey(field)) return null;
        if (!Values.TryGetValue(field, out var value) || value.Length == 0)
        {
            if (required) Errors[field] = "This is required.";
            return null;
        }
        if (value.Length > max)
        {
            Values[field] = value[..max];
            Errors[field] = $"This was {value.Length:N0} characters; the limit is {max:N0}. It was cut to fit: check the end before saving.";
            return null;
        }
        return value;
    }

    private decimal? Number(string field)
    {
        if (!Values.TryGetValue(field, out var text) || text.Length == 0) return null;
        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) return value;
        Errors[field] = "This must be a number.";
        return null;
    }

    private TimeOnly? Time(string field) =>
        Values.TryGetValue(field, out var text) && TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;
}
