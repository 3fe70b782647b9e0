using JourneyBot.Domain;
using JourneyBot.Health;
using JourneyBot.Touchpoints;

namespace JourneyBot.Map;

public sealed record StageChange(string StageName, int TouchpointsThen, int TouchpointsNow, double? EmotionThen, double? EmotionNow);

public sealed record HealthChange(string Title, HealthStatus? Then, HealthStatus? Now);

public sealed record TouchpointLine(string Id, string CustomerAction, string StageName, string DepartmentName);

// A touchpoint in both maps, and what of it differs ("emotion: -1 → +1").
public sealed record TouchpointChange(TouchpointLine Touchpoint, IReadOnlyList<string> Fields);

// Touchpoint by touchpoint, where both sides kept the map; null when one side kept figures only.
public sealed record TouchpointChanges(IReadOnlyList<TouchpointLine> Added, IReadOnlyList<TouchpointLine> Retired, IReadOnlyList<TouchpointChange> Changed, int VerifiedAgain);

// Two moments of a program's map: a stored snapshot against now, or against a later snapshot. Per stage
// (touchpoints, emotion) and per health check always; touchpoint by touchpoint when both moments kept the map.
public sealed record SnapshotComparison(
    string ThenLabel,
    string NowLabel,
    DateOnly TakenOn,
    int TouchpointsThen,
    int TouchpointsNow,
    IReadOnlyList<StageChange> Stages,
    IReadOnlyList<HealthChange> Health,
    TouchpointChanges? Touchpoints)
{
    // then: a catalog entry and, if it kept the map, the map; now: the map now or at a later snapshot.
    public static SnapshotComparison? Of(SnapshotEntry thenEntry, MapSnapshot? thenMap, string nowLabel, MapSnapshot now)
    {
        if ((thenMap?.Figures ?? thenEntry.Figures) is not { } then) return null;
        var stageNames = now.Stages.Concat(thenMap?.Stages ?? []).GroupBy(s => s.Id).ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal);
        var stageIds = now.Stages.Select(s => s.Id).Concat(thenMap?.Stages.Select(s => s.Id) ?? [])
            .Concat(then.Cells.Keys.Select(k => k.Split('|')[0])).Concat(then.EmotionByStage.Keys).Distinct(StringComparer.Ordinal).ToList();
        int PerStage(Snapshot s, string stageId) => s.Cells.Where(c => c.Key.StartsWith(stageId + "|", StringComparison.Ordinal)).Sum(c => c.Value);
        var stages = stageIds
            .Select(id => new StageChange(stageNames.GetValueOrDefault(id, "A stage since removed"), PerStage(then, id), PerStage(now.Figures, id),
                then.EmotionByStage.TryGetValue(id, out var e1) ? e1 : null, now.Figures.EmotionByStage.TryGetValue(id, out var e2) ? e2 : null))
            .ToList();
        var titles = now.Health.Concat(thenMap?.Health ?? []).GroupBy(c => c.Id.Name()).ToDictionary(g => g.Key, g => g.First().Title, StringComparer.Ordinal);
        var nowHealth = now.Health.ToDictionary(c => c.Id.Name(), c => c.Status, StringComparer.Ordinal);
        var health = now.Health.Select(c => c.Id.Name()).Concat(then.Health.Keys).Distinct(StringComparer.Ordinal)
            .Select(id => new HealthChange(titles.GetValueOrDefault(id, id), then.Health.TryGetValue(id, out var was) ? was : null, nowHealth.TryGetValue(id, out var st) ? st : null))
            .ToList();
        return new SnapshotComparison(thenEntry.Label, nowLabel, thenEntry.TakenOn, then.Touchpoints, now.Figures.Touchpoints, stages, health,
            thenMap is null ? null : TouchpointsBetween(thenMap, now));
    }

    private static TouchpointChanges TouchpointsBetween(MapSnapshot then, MapSnapshot now)
    {
        var before = then.Touchpoints.ToDictionary(t => t.Id, StringComparer.Ordinal);
        var after = now.Touchpoints.ToDictionary(t => t.Id, StringComparer.Ordinal);
        var changed = new List<TouchpointChange>();
        var verifiedAgain = 0;
        foreach (var t in now.Touchpoints.Where(t => before.ContainsKey(t.Id)))
        {
            var was = before[t.Id];
            var fields = FieldsChanged(was, t, then, now);
            if (fields.Count > 0) changed.Add(new TouchpointChange(Line(t, now), fields));
            else if (was.LastVerifiedOn != t.LastVerifiedOn) verifiedAgain++;
        }
        return new TouchpointChanges(
            now.Touchpoints.Where(t => !before.ContainsKey(t.Id)).Select(t => Line(t, now)).ToList(),
            then.Touchpoints.Where(t => !after.ContainsKey(t.Id)).Select(t => Line(t, then)).ToList(),
            changed, verifiedAgain);
    }

    // The fields the map shows, each said the way the map says it, names as each moment had them.
    private static List<string> FieldsChanged(Touchpoint was, Touchpoint now, MapSnapshot then, MapSnapshot later)
    {
        var fields = new List<string>();
        void Field(string name, string? a, string? b)
        {
            if (!string.Equals(a ?? "", b ?? "", StringComparison.Ordinal)) fields.Add($"{name}: {Shown(a)} → {Shown(b)}");
        }
        Field("stage", StageName(then, was.StageId), StageName(later, now.StageId));
        Field("department", DepartmentName(then, was.DepartmentId), DepartmentName(later, now.DepartmentId));
        Field("channel", TouchpointCards.ChannelName(was.Channel), TouchpointCards.ChannelName(now.Channel));
        Field("what the customer does", was.CustomerAction, now.CustomerAction);
        Field("personas", Personas(then, was), Personas(later, now));
        Field("emotion", was.Emotion is { } e1 ? Html.Signed(e1) : null, now.Emotion is { } e2 ? Html.Signed(e2) : null);
        Field("pain points", was.HasPainPoints() ? was.PainText() : null, now.HasPainPoints() ? now.PainText() : null);
        Field("evidence", TouchpointCardHtml.EvidenceName(was.Evidence), TouchpointCardHtml.EvidenceName(now.Evidence));
        Field("customer's words", was.Verbatim, now.Verbatim);
        Field("delivered by", was.Backstage?.DeliveredBy, now.Backstage?.DeliveredBy);
        Field("system", was.Backstage?.SystemOrProcess, now.Backstage?.SystemOrProcess);
        Field("employee pain", was.Backstage?.EmployeePain, now.Backstage?.EmployeePain);
        return fields;
    }

    private static string Shown(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "(none)";
        var flat = text.ReplaceLineEndings(" ");
        return flat.Length > 60 ? flat[..59] + "…" : flat;
    }

    private static string StageName(MapSnapshot map, string id) => map.Stages.FirstOrDefault(s => s.Id == id)?.Name ?? id;
    private static string DepartmentName(MapSnapshot map, string id) => map.Departments.FirstOrDefault(d => d.Id == id)?.Name ?? id;
    private static string Personas(MapSnapshot map, Touchpoint t) =>
        string.Join(", ", t.PersonaIds.Select(p => map.Personas.FirstOrDefault(x => x.Id == p)?.Name ?? p).Order(StringComparer.CurrentCulture));

    private static TouchpointLine Line(Touchpoint t, MapSnapshot map) => new(t.Id, t.CustomerAction, StageName(map, t.StageId), DepartmentName(map, t.DepartmentId));
}
