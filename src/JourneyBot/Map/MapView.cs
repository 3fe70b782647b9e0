using JourneyBot.Domain;
using JourneyBot.Health;

namespace JourneyBot.Map;

// What the map page draws, already filtered and named: the renderers never look at the domain model, so a
// change to it is absorbed by MapViewBuilder alone.
public sealed record MapView(
    string ProgramId,
    string ProgramName,
    DateOnly AsOf,
    MapFilter Filter,
    IReadOnlyList<StageColumn> Stages,
    IReadOnlyList<NamedItem> Departments,
    IReadOnlyList<NamedItem> Personas,
    IReadOnlyList<CurveLine> Curves,
    IReadOnlyList<HealthCheck> Health,
    int ActiveTouchpoints,
    IReadOnlyList<SnapshotEntry> Snapshots,
    SnapshotComparison? Comparison,
    // The stored snapshot drawn instead of the map now, if any.
    SnapshotEntry? AsItWas = null)
{
    public int Shown => Stages.Sum(s => s.Touchpoints.Count);

    // Each outcome metric over time, for the trend charts.
    public IReadOnlyList<MetricTrend> Trends { get; init; } = [];
}

// An outcome metric's figures, its baseline and target, and the actions that name it.
public sealed record MetricTrend(string Id, string Name, string? Unit, decimal? Baseline, decimal? Target, int CadenceDays,
    IReadOnlyList<TrendPoint> Points, IReadOnlyList<TrendAction> Actions);

public sealed record TrendPoint(DateOnly On, decimal Value, ReadingSource Source);

// Impact: the action's movement in words ("+6 points since done, 2 readings"), null until it is done.
public sealed record TrendAction(string Title, DateOnly DueOn, DateOnly? DoneOn, ActionStatus Status, string? Impact);

public sealed record NamedItem(string Id, string Name);

// Stage hand-offs: how many departments and channels the customer meets there.
public sealed record StageColumn(string Id, string Name, IReadOnlyList<TouchpointCard> Touchpoints, double? AverageEmotion, int Departments, int Channels)
{
    public bool IsHandOff => Departments > 1 || Channels > 1;
}

public sealed record ActionLine(string Id, string Title, string Owner, DateOnly DueOn, ActionStatus Status, bool Overdue)
{
    // What the action moved, in words, once it is done and names a metric.
    public string? Impact { get; init; }
}

public sealed record TouchpointCard(
    string Id,
    string StageId,
    string DepartmentId,
    string DepartmentName,
    TouchpointChannel Channel,
    string CustomerAction,
    IReadOnlyList<string> PersonaNames,
    int? Emotion,
    string? PainPoints,
    bool CriticalPain,
    Evidence Evidence,
    DateOnly LastVerifiedOn,
    bool Stale,
    Backstage? Backstage,
    string? Verbatim,
    IReadOnlyList<ActionLine> Actions,
    // Another touchpoint that looks like the same contact made by a different department.
    string? LooksLikeId);

// The emotion curve: one point per stage (null where nobody said), for everyone or one persona.
public sealed record CurveLine(string Label, IReadOnlyList<double?> ByStage);
