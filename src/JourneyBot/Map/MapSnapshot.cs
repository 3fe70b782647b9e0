using JourneyBot.Domain;
using JourneyBot.Health;

namespace JourneyBot.Map;

// The map as it stood on one day (a completed review, a progress card): every active touchpoint with all the map
// shows of it, the actions, the names of stages, departments and personas then, and health as it was judged then.
// Enough to draw the map again later with today's renderers and filters, and to say what changed since.
public sealed record MapSnapshot
{
    public required DateOnly TakenOn { get; init; }
    public required string ProgramName { get; init; }
    public IReadOnlyList<Stage> Stages { get; init; } = [];
    // Contacts are not kept: the map shows department names only.
    public IReadOnlyList<Department> Departments { get; init; } = [];
    public IReadOnlyList<Persona> Personas { get; init; } = [];
    public int ReviewCadenceDays { get; init; } = 30;
    public IReadOnlyList<Touchpoint> Touchpoints { get; init; } = [];
    public IReadOnlyList<ImprovementAction> Actions { get; init; } = [];
    // Health as it was judged that day: re-evaluating later would mix in reviews and cards that came after.
    public IReadOnlyList<HealthCheck> Health { get; init; } = [];
    public required Snapshot Figures { get; init; }

    public static MapSnapshot Take(JourneyProgram program, DateOnly asOf)
    {
        var charter = program.Charter;
        var active = program.ActiveTouchpoints().ToList();
        var kept = active.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        return new MapSnapshot
        {
            TakenOn = asOf,
            ProgramName = charter.Name,
            Stages = charter.Stages,
            Departments = charter.Departments.Select(d => d with { Contacts = [] }).ToList(),
            Personas = charter.Personas,
            ReviewCadenceDays = charter.ReviewCadenceDays,
            Touchpoints = active,
            Actions = program.Actions.Where(a => a.TouchpointId is null || kept.Contains(a.TouchpointId)).ToList(),
            Health = MapHealth.Evaluate(program, asOf),
            Figures = MapHealth.TakeSnapshot(program, asOf),
        };
    }

    // A program holding only what the map draws, so MapViewBuilder can draw the map as it was.
    public JourneyProgram AsProgram(string programId, string tenantId) => new()
    {
        Id = programId,
        TenantId = tenantId,
        Charter = new Charter { Name = ProgramName, Stages = Stages, Departments = Departments, Personas = Personas, ReviewCadenceDays = ReviewCadenceDays },
        Touchpoints = Touchpoints,
        Actions = Actions,
    };
}
