namespace JourneyBot.Domain;

// What an action's metric did around it: the last figure from before work started, and the latest from after it
// was done. A figure dated on the start day still shows the state before; one dated on the done day cannot show
// the change yet, so only later figures count as after.
public sealed record ActionImpact(Metric Metric, MetricReading? Before, MetricReading? Latest, int ReadingsSinceDone)
{
    // Null until there is a figure on both sides.
    public decimal? Change => Before is not null && Latest is not null ? Latest.Value - Before.Value : null;

    // Movement towards the metric's target counts as positive; without a target and baseline, as the raw change.
    public decimal? TowardsTarget => Change is not { } change ? null
        : Metric.Target is { } target && Metric.Baseline is { } baseline && target < baseline ? -change : change;

    // Two figures after done and still no movement: worth telling the action's owner.
    public bool NeverMoved => ReadingsSinceDone >= 2 && Change == 0;

    // Null when the action names no metric of the program, is not done, or lacks its dates.
    public static ActionImpact? Of(JourneyProgram program, ImprovementAction action)
    {
        if (action.Status != ActionStatus.Done || action.DoneOn is not { } doneOn) return null;
        if (program.Charter.Metrics.FirstOrDefault(m => m.Id == action.MetricId) is not { } metric) return null;
        var startedOn = action.StartedOn ?? doneOn;
        var readings = program.ReadingsOf(metric.Id).ToList();
        var before = readings.LastOrDefault(r => r.On <= startedOn);
        var after = readings.Where(r => r.On > doneOn).ToList();
        return new ActionImpact(metric, before, after.LastOrDefault(), after.Count);
    }

    // Done actions, the most moved towards their target first; those not judged yet (no figure on a side) last.
    public static IReadOnlyList<(ImprovementAction Action, ActionImpact? Impact)> Ranked(JourneyProgram program) =>
        program.Actions.Where(a => a.Status == ActionStatus.Done)
            .Select(a => (Action: a, Impact: Of(program, a)))
            .OrderBy(x => x.Impact?.TowardsTarget is null ? 1 : 0)
            .ThenByDescending(x => x.Impact?.TowardsTarget ?? 0)
            .ThenBy(x => x.Action.Title, StringComparer.CurrentCulture)
            .ToList();
}
