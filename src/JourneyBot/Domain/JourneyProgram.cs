namespace JourneyBot.Domain;

// One program maps one journey. Everything the map-health checks and the export format need, and nothing of
// how it is stored or shown.
public sealed record JourneyProgram
{
    public required string Id { get; init; }
    public required string TenantId { get; init; }
    public required Charter Charter { get; init; }
    public DateOnly? CollectionOpenedOn { get; init; }
    public IReadOnlyList<Touchpoint> Touchpoints { get; init; } = [];
    public IReadOnlyList<ImprovementAction> Actions { get; init; } = [];
    public IReadOnlyList<Review> Reviews { get; init; } = [];
    // The progress cards sent to sponsors, one per card (the file's "progressUpdates").
    public IReadOnlyList<ProgressCard> ProgressUpdates { get; init; } = [];
    // Every metric's figures over time, in date order.
    public IReadOnlyList<MetricReading> Readings { get; init; } = [];

    public IEnumerable<Touchpoint> ActiveTouchpoints() => Touchpoints.Where(t => !t.Retired);

    public IEnumerable<MetricReading> ReadingsOf(string metricId) =>
        Readings.Where(r => r.MetricId == metricId).OrderBy(r => r.On);
}

// NamedAt: when a source that knows the person (Teams, the directory) last gave this name; null for names only
// typed or imported, which a refresh checks first.
public sealed record Person(string AadObjectId, string DisplayName)
{
    // Stored for someone no source could name yet; owners are told how to fix it.
    public const string Unnamed = "Someone not yet named";

    public DateTimeOffset? NamedAt { get; init; }
}

// A journey from what starts it to how it ends; the name tells several recorded journeys apart.
public sealed record Journey(string StartTrigger, string End, string? Name = null);

// The money set aside for the program. An amount of 0 records that there is explicitly no budget.
public sealed record Funding(decimal Amount, string Currency);

// Someone working on the program and the share of a full-time role they have for it (1..100).
public sealed record TeamMember(Person Person, int TimePercent);

public enum MetricKind { Output, Outcome }

// CadenceDays: how often the metric is read (null = monthly); Owner: who is asked for its figure (null = the owners).
public sealed record Metric(string Id, string Name, MetricKind Kind, decimal? Baseline = null, decimal? Target = null, string? Unit = null,
    int? CadenceDays = null, Person? Owner = null)
{
    public const int DefaultCadenceDays = 30;

    public int DaysBetweenReadings() => CadenceDays ?? DefaultCadenceDays;
}

public sealed record Department(string Id, string Name, IReadOnlyList<Person> Contacts);

public sealed record Persona(string Id, string Name, string? Description = null);

public sealed record Stage(string Id, string Name);

public sealed record WorkingHours(TimeOnly Start, TimeOnly End, IReadOnlyList<DayOfWeek> Days, string TimeZone);

public sealed record Charter
{
    public required string Name { get; init; }
    public Journey? Journey { get; init; }
    public string? Objective { get; init; }
    public string? DefinitionOfDone { get; init; }
    public IReadOnlyList<Metric> Metrics { get; init; } = [];
    // Free-text notes from format 1; the structured Funding, Team and Tools below are what health measures.
    public string? Budget { get; init; }
    public string? Resources { get; init; }
    // Null while nobody has said; Amount 0 when the charter says there is no budget.
    public Funding? Funding { get; init; }
    public IReadOnlyList<TeamMember> Team { get; init; } = [];
    public IReadOnlyList<string> Tools { get; init; } = [];
    // Journeys recorded beyond the one this program maps (Journey): each is a sign the scope is several journeys.
    public IReadOnlyList<Journey> MoreJourneys { get; init; } = [];
    public IReadOnlyList<Person> Owners { get; init; } = [];
    public IReadOnlyList<Person> Sponsors { get; init; } = [];
    public IReadOnlyList<Department> Departments { get; init; } = [];
    public IReadOnlyList<Persona> Personas { get; init; } = [];
    // In journey order.
    public IReadOnlyList<Stage> Stages { get; init; } = [];
    public int ReviewCadenceDays { get; init; } = 30;
    public WorkingHours? WorkingHours { get; init; }
}
