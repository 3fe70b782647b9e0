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
    public IReadOnlyList<ProgressUpdate> ProgressUpdates { get; init; } = [];

    public IEnumerable<Touchpoint> ActiveTouchpoints() => Touchpoints.Where(t => !t.Retired);
}

public sealed record Person(string AadObjectId, string DisplayName);

public sealed record Journey(string StartTrigger, string End);

public enum MetricKind { Output, Outcome }

public sealed record Metric(string Id, string Name, MetricKind Kind, decimal? Baseline = null, decimal? Target = null, string? Unit = null);

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
    public string? Budget { get; init; }
    public string? Resources { get; init; }
    public IReadOnlyList<Person> Owners { get; init; } = [];
    public IReadOnlyList<Person> Sponsors { get; init; } = [];
    public IReadOnlyList<Department> Departments { get; init; } = [];
    public IReadOnlyList<Persona> Personas { get; init; } = [];
    // In journey order.
    public IReadOnlyList<Stage> Stages { get; init; } = [];
    public int ReviewCadenceDays { get; init; } = 30;
    public WorkingHours? WorkingHours { get; init; }
}
