using System.Text;
using JourneyBot.Domain;
using static JourneyBot.Map.Html;

namespace JourneyBot.Map;

public sealed record StageChange(string StageName, int TouchpointsThen, int TouchpointsNow, double? EmotionThen, double? EmotionNow);

public sealed record HealthChange(string Title, HealthStatus? Then, HealthStatus Now);

// The map now against a stored snapshot (a completed review or a progress card). Snapshots keep figures, not the
// touchpoints themselves, so the comparison is per stage: touchpoints, emotion, and each health check's status.
public sealed record SnapshotComparison(string Label, DateOnly TakenOn, int TouchpointsThen, int TouchpointsNow, IReadOnlyList<StageChange> Stages, IReadOnlyList<HealthChange> Health)
{
    public static IReadOnlyList<(string Key, string Label, Snapshot Snapshot)> Available(JourneyProgram program) =>
        [
            .. program.Reviews.Where(r => r.Snapshot is not null).Select(r => ("r-" + r.Id, $"Review completed {Date(r.CompletedOn)}", r.Snapshot!)),
            .. program.ProgressUpdates.Select((u, i) => (u, i)).Where(x => x.u.Snapshot is not null)
                .Select(x => ($"p-{x.i}", $"Progress card {Date(x.u.SentOn)}", x.u.Snapshot!)),
        ];

    public static SnapshotComparison Of(JourneyProgram program, string label, Snapshot then, DateOnly asOf)
    {
        var now = Snapshot.Take(program, asOf);
        int PerStage(Snapshot s, string stageId) => s.Cells.Where(c => c.Key.StartsWith(stageId + "|", StringComparison.Ordinal)).Sum(c => c.Value);
        var stages = program.Charter.Stages.Select(s => new StageChange(s.Name, PerStage(then, s.Id), PerStage(now, s.Id),
            then.EmotionByStage.TryGetValue(s.Id, out var e1) ? e1 : null, now.EmotionByStage.TryGetValue(s.Id, out var e2) ? e2 : null)).ToList();
        var health = MapHealth.Evaluate(program, asOf)
            .Select(c => new HealthChange(c.Title, then.Health.TryGetValue(c.Id, out var was) ? was : null, c.Status)).ToList();
        return new SnapshotComparison(label, then.TakenOn, then.Touchpoints, now.Touchpoints, stages, health);
    }

    public void Write(StringBuilder html)
    {
        html.Append("<section id=\"compare\" aria-labelledby=\"compare-h\"><h2 id=\"compare-h\">Compared with ").Append(E(Label)).Append("</h2><p>Active touchpoints: ")
            .Append(TouchpointsThen).Append(" then, ").Append(TouchpointsNow).Append(" now.</p><div class=\"scroll\"><table class=\"fallback\"><thead><tr><th scope=\"col\">Stage</th>")
            .Append("<th scope=\"col\">Touchpoints then → now</th><th scope=\"col\">Emotion then → now</th></tr></thead><tbody>");
        foreach (var s in Stages)
        {
            html.Append("<tr><th scope=\"row\">").Append(E(s.StageName)).Append("</th><td>").Append(s.TouchpointsThen).Append(" → ").Append(s.TouchpointsNow)
                .Append("</td><td>").Append(s.EmotionThen is { } a ? Signed(a) : "–").Append(" → ").Append(s.EmotionNow is { } b ? Signed(b) : "–").Append("</td></tr>");
        }
        html.Append("</tbody></table></div><ul class=\"health-changes\">");
        foreach (var h in Health.Where(h => h.Then != h.Now))
        {
            html.Append("<li>").Append(E(h.Title)).Append(": ").Append(h.Then?.ToString() ?? "not checked").Append(" → ").Append(h.Now).Append("</li>");
        }
        if (Health.All(h => h.Then == h.Now)) html.Append("<li>No health check changed.</li>");
        html.Append("</ul></section>");
    }
}
