using JourneyBot.Domain;
using JourneyBot.Health;

namespace JourneyBot.Map;

// The one place the map reads the journey model.
public static class MapViewBuilder
{
    // stored: the program's map snapshots and those the filter names (At, Since), as MapSnapshotStore read them.
    public static MapView Build(JourneyProgram program, MapFilter filter, DateOnly asOf, StoredSnapshots? stored = null)
    {
        stored ??= StoredSnapshots.None;
        var snapshots = SnapshotCatalog.Of(program, stored.Headers);
        var asItWas = stored.At is null ? null : snapshots.FirstOrDefault(s => s.Id == filter.At && s.HasMap);
        var now = asItWas is null ? null : stored.At;
        var since = snapshots.FirstOrDefault(s => s.Id == filter.Since);
        var comparison = since is null ? null
            : SnapshotComparison.Of(since, since.HasMap ? stored.Since : null, asItWas?.Label ?? "now", now ?? MapSnapshot.Take(program, asOf));
        var drawn = now is null ? Draw(program, filter, asOf, MapHealth.Evaluate(program, asOf)) : Draw(now.AsProgram(program.Id, program.TenantId), filter, now.TakenOn, now.Health);
        return drawn with { Snapshots = snapshots, Comparison = comparison, AsItWas = asItWas, Trends = Trends(program, drawn.AsOf) };
    }

    // Figures up to the day drawn: a snapshot's map shows the trend as it stood then.
    private static IReadOnlyList<MetricTrend> Trends(JourneyProgram program, DateOnly asOf) =>
        program.Charter.Metrics.Where(m => m.Kind == MetricKind.Outcome).Select(m => new MetricTrend(
            m.Id, m.Name, m.Unit, m.Baseline, m.Target, m.DaysBetweenReadings(),
            program.ReadingsOf(m.Id).Where(r => r.On <= asOf).Select(r => new TrendPoint(r.On, r.Value, r.Source)).ToList(),
            program.Actions.Where(a => a.MetricId == m.Id && a.Status != ActionStatus.Dropped).OrderBy(a => a.DueOn)
                .Select(a => new TrendAction(a.Title, a.DueOn, a.DoneOn, a.Status, ImpactWords.Of(program, a))).ToList())).ToList();

    private static MapView Draw(JourneyProgram program, MapFilter filter, DateOnly asOf, IReadOnlyList<HealthCheck> health)
    {
        var charter = program.Charter;
        var departments = charter.Departments.ToDictionary(d => d.Id, d => d.Name, StringComparer.Ordinal);
        var personas = charter.Personas.ToDictionary(p => p.Id, p => p.Name, StringComparer.Ordinal);
        var oldestFresh = asOf.AddDays(-charter.ReviewCadenceDays);
        var actionsByTouchpoint = program.Actions.Where(a => a.TouchpointId is not null).ToLookup(a => a.TouchpointId!, StringComparer.Ordinal);
        var active = program.ActiveTouchpoints().ToList();
        var lookalikes = Lookalikes.Find(active);

        var cards = new List<TouchpointCard>();
        foreach (var t in active)
        {
            var verified = t.LastVerifiedOn ?? DateOnly.FromDateTime(t.CreatedAt.UtcDateTime);
            var stale = verified < oldestFresh;
            if (!filter.Keeps(t, stale)) continue;
            cards.Add(new TouchpointCard(
                t.Id, t.StageId, t.DepartmentId, departments.GetValueOrDefault(t.DepartmentId) ?? t.DepartmentId, t.Channel, t.CustomerAction,
                t.PersonaIds.Select(p => personas.GetValueOrDefault(p) ?? p).ToList(),
                t.Emotion, t.HasPainPoints() ? t.PainText() : null,
                // Critical as map health counts it: pain where the customer feels negative.
                t.HasPainPoints() && t.Emotion <= HealthThresholds.CriticalEmotionMax,
                t.Evidence, verified, stale, t.Backstage, t.Verbatim,
                actionsByTouchpoint[t.Id].Select(a => new ActionLine(a.Id, a.Title, a.Owner.DisplayName, a.DueOn, a.Status, a.IsOverdue(asOf)) { Impact = ImpactWords.Of(program, a) }).ToList(),
                lookalikes.GetValueOrDefault(t.Id)));
        }

        var byStage = cards.ToLookup(c => c.StageId, StringComparer.Ordinal);
        var stages = charter.Stages.Select(s =>
        {
            var inStage = byStage[s.Id].ToList();
            var emotions = inStage.Where(c => c.Emotion is not null).Select(c => (double)c.Emotion!.Value).ToList();
            return new StageColumn(s.Id, s.Name, inStage, emotions.Count == 0 ? null : Math.Round(emotions.Average(), 2),
                inStage.Select(c => c.DepartmentId).Distinct().Count(), inStage.Select(c => c.Channel).Distinct().Count());
        }).ToList();

        var curves = new List<CurveLine> { new(filter.PersonaId is null ? "All touchpoints shown" : "Persona: " + personas.GetValueOrDefault(filter.PersonaId, filter.PersonaId), stages.Select(s => s.AverageEmotion).ToList()) };
        return new MapView(program.Id, charter.Name, asOf, filter, stages,
            charter.Departments.Select(d => new NamedItem(d.Id, d.Name)).ToList(),
            charter.Personas.Select(p => new NamedItem(p.Id, p.Name)).ToList(),
            curves, health, active.Count, [], null);
    }
}
