using JourneyBot.Domain;
using JourneyBot.Health;

namespace JourneyBot.Portfolio;

public sealed record MetricStanding(string Name, string? Unit, decimal? Baseline, decimal? Target, decimal? Latest,
    DateOnly? LatestOn, decimal? Previous)
{
    // Up, down or flat since the reading before; null before there are two.
    public int? Trend => Latest is { } l && Previous is { } p ? Math.Sign(l - p) : null;

    // Whether the latest reading has reached the target (a target below the baseline is reached from above).
    public bool? OnTarget => Latest is not { } latest || Target is not { } target ? null
        : Baseline is { } baseline && target < baseline ? latest <= target : latest >= target;
}

// One program in a person's portfolio: what needs attention at a glance, and how much (Attention sorts the list).
public sealed record PortfolioRow(string ProgramId, string Name, ProgramRole Roles, IReadOnlyList<string> Failing,
    IReadOnlyList<string> Watching, double? Emotion, string? LowestStage, double? LowestEmotion,
    IReadOnlyList<MetricStanding> Metrics, int OverdueActions, DateOnly? LastReview, bool ReviewOverdue)
{
    // A failing check outweighs everything else; overdue actions and an overdue review next; then watch-level
    // checks, metrics short of their target, and the customer's worst stage.
    public double Attention =>
        Failing.Count * 100 + OverdueActions * 10 + (ReviewOverdue ? 20 : 0) + Watching.Count * 5
        + Metrics.Count(m => m.OnTarget == false) * 3 + (LowestEmotion is < 0 and var e ? -e : 0);

    public static PortfolioRow Of(JourneyProgram program, ProgramRole roles, DateOnly today)
    {
        var checks = MapHealth.Evaluate(program, today);
        var active = program.ActiveTouchpoints().Where(t => t.Emotion is not null).ToList();
        var byStage = program.Charter.Stages
            .Select(s => (Stage: s.Name,
                Values: active.Where(t => t.StageId == s.Id).Select(t => (double)t.Emotion!.Value).ToList()))

            .Where(s => s.Values.Count > 0).Select(s => (s.Stage, Average: Math.Round(s.Values.Average(), 1))).ToList();
        var lowest = byStage.Count == 0 ? default : byStage.MinBy(s => s.Average);
        var metrics = program.Charter.Metrics.Where(m => m.Kind == MetricKind.Outcome).Select(m =>
        {
            var readings = program.ReadingsOf(m.Id).ToList();
            return new MetricStanding(m.Name, m.Unit, m.Baseline, m.Target, readings.LastOrDefault()?.Value,
                readings.LastOrDefault()?.On, readings.Count > 1 ? readings[^2].Value : null);
        }).ToList();
        var reviewDue = FollowUpPlan.NextReviewDue(program);
        return new PortfolioRow(program.Id, program.Charter.Name, roles,
            checks.Where(c => c.Status == HealthStatus.Fail).Select(c => c.Title).ToList(),
            checks.Where(c => c.Status == HealthStatus.Warn).Select(c => c.Title).ToList(),
            active.Count == 0 ? null : Math.Round(active.Average(t => t.Emotion!.Value), 1),
            byStage.Count == 0 ? null : lowest.Stage, byStage.Count == 0 ? null : lowest.Average,
            metrics, program.Actions.Count(a => a.IsOverdue(today)),
            program.Reviews.Count == 0 ? null : program.Reviews.Max(r => r.CompletedOn),
            reviewDue is { } due && due < today);
    }

    public static IReadOnlyList<PortfolioRow> Sorted(IEnumerable<PortfolioRow> rows) =>
        rows.OrderByDescending(r => r.Attention).ThenBy(r => r.Name, StringComparer.CurrentCultureIgnoreCase)
            .ThenBy(r => r.ProgramId, StringComparer.Ordinal).ToList();
}
