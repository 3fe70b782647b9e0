namespace JourneyBot.Domain;

// A program's figures on one day, kept with each review and progress card so change over time shows.
public sealed record Snapshot
{
    public required DateOnly TakenOn { get; init; }
    public required int Touchpoints { get; init; }
    // "stageId|departmentId" -> active touchpoints.
    public IReadOnlyDictionary<string, int> Cells { get; init; } = new Dictionary<string, int>();
    public double EvidenceShare { get; init; }
    public IReadOnlyDictionary<string, double> EmotionByStage { get; init; } = new Dictionary<string, double>();
    public IReadOnlyDictionary<string, double> EmotionByPersona { get; init; } = new Dictionary<string, double>();
    // Check id -> status, as map health saw it.
    public IReadOnlyDictionary<string, HealthStatus> Health { get; init; } = new Dictionary<string, HealthStatus>();
    public int ActionsOpen { get; init; }
    public int ActionsDone { get; init; }
    public int ActionsOverdue { get; init; }

    // health: check id -> status, as map health judged the program that day.
    public static Snapshot Take(JourneyProgram program, DateOnly asOf, IReadOnlyDictionary<string, HealthStatus> health)
    {
        var active = program.ActiveTouchpoints().ToList();
        return new Snapshot
        {
            TakenOn = asOf,
            Touchpoints = active.Count,
            Cells = active.GroupBy(t => $"{t.StageId}|{t.DepartmentId}").ToDictionary(g => g.Key, g => g.Count()),
            EvidenceShare = active.Count == 0 ? 0 : Math.Round((double)active.Count(t => t.HasEvidence()) / active.Count, 3),
            EmotionByStage = Averages(active.SelectMany(t => t.Emotion is { } e ? [(t.StageId, e)] : Array.Empty<(string, int)>())),
            EmotionByPersona = Averages(active.SelectMany(t => t.Emotion is { } e ? t.PersonaIds.Select(p => (p, e)) : [])),
            Health = health,
            ActionsOpen = program.Actions.Count(a => !a.IsClosed()),
            ActionsDone = program.Actions.Count(a => a.Status == ActionStatus.Done),
            ActionsOverdue = program.Actions.Count(a => a.IsOverdue(asOf)),
        };
    }

    public int ChecksOk() => Health.Values.Count(s => s == HealthStatus.Ok);

    private static Dictionary<string, double> Averages(IEnumerable<(string Key, int Emotion)> values) =>
        values.GroupBy(v => v.Key).ToDictionary(g => g.Key, g => Math.Round(g.Average(v => v.Emotion), 2));
}
