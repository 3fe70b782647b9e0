using JourneyBot.Domain;
using static JourneyBot.Health.CheckResult;
using static JourneyBot.Health.HealthThresholds;

namespace JourneyBot.Health;

// No action on insights: pain points that never become actions, and actions that never move.
internal static class FollowThroughChecks
{
    // 004: "The fourth mistake that companies make is not using the insights gained from customer journey mapping to
    // drive change and improve the customer experience."
    public static HealthCheck Actions(JourneyProgram program, List<Touchpoint> active)
    {
        const string title = "Pain points turned into actions";
        const string why = "A map that changes nothing is an end in itself, not a means to better experiences.";
        var threshold = $"pain points lead to actions; at least {Percent(CriticalWithActionMin)} of critical " +
                        $"pain points (emotion {CriticalEmotionMax} or lower) have one";
        var live = program.Actions.Where(a => a.Status != ActionStatus.Dropped).ToList();
        var painPoints = active.SelectMany(t => t.PainPointList().Select(p => (Touchpoint: t, PainPoint: p))).ToList();
        if (painPoints.Count == 0)
        {
            return NotJudged(HealthCheckId.Actions, title, threshold, why,
                $"no pain point recorded yet; {Words.Count(live.Count, "action")}",
                "Judged once touchpoints carry pain points: record what hurts customers at each touchpoint.",
                HealthCommand.AddTouchpoint);
        }
        var critical = painPoints.Where(p => p.Touchpoint.Emotion <= CriticalEmotionMax).ToList();
        // An action addresses a pain point it names, or (actions from before pain-point items) every pain point of
        // its touchpoint.
        bool Addressed((Touchpoint Touchpoint, PainPoint PainPoint) p) =>
            live.Any(a => a.PainPointId == p.PainPoint.Id
                || (a.PainPointId is null && a.TouchpointId == p.Touchpoint.Id));
        var addressed = critical.Count(Addressed);
        var share = critical.Count == 0 ? 1 : (double)addressed / critical.Count;
        var problems = new List<string>();
        var status = HealthStatus.Ok;
        if (live.Count == 0)
        {
            problems.Add($"{Words.Count(painPoints.Count, "pain point")} and no action");
            status = HealthStatus.Fail;
        }
        else if (share < CriticalWithActionMin)
        {
            problems.Add($"{critical.Count - addressed} of {critical.Count} critical pain points without an action");
            status = HealthStatus.Warn;
        }
        var unaddressed = critical.Where(p => !Addressed(p)).Select(p => p.PainPoint.Text).ToList();
        return Make(HealthCheckId.Actions, title, status,
            $"{Words.Count(painPoints.Count, "pain point")} ({critical.Count} critical, {addressed} with an action); " +
            $"{Words.Count(live.Count, "action")}",
            threshold,
            status == HealthStatus.Ok ? "Follow the actions through to the outcome metrics."
                : "Turn the worst pain points into actions with an owner and a due date.",
            why, HealthCommand.NewAction, unaddressed);
    }

    // 004: "The goal is to identify areas for improvement and take action to make changes that will benefit the
    // customer."
    public static HealthCheck Overdue(JourneyProgram program, DateOnly asOf)
    {
        const string title = "Actions move";
        const string why = "Actions that never move make the program look busy while nothing changes for customers.";
        var threshold = $"at most {Percent(OverdueShareMax)} of open actions over {OverdueGraceDays} days late, " +
                        $"none over {LongOverdueDays} days";
        var live = program.Actions.Where(a => !a.IsClosed()).ToList();
        if (live.Count == 0)
        {
            return NotJudged(HealthCheckId.OverdueActions, title, threshold, why,
                $"no open actions ({Words.Count(program.Actions.Count, "action")} in all)",
                "Judged once there are open actions: turn pain points into actions with an owner and a due date.",
                HealthCommand.NewAction);
        }
        var late = live.Where(a => asOf.DayNumber - a.DueOn.DayNumber > OverdueGraceDays)
            .OrderBy(a => a.DueOn).ToList();
        var share = (double)late.Count / live.Count;
        var longLate = late.Where(a => asOf.DayNumber - a.DueOn.DayNumber > LongOverdueDays).ToList();
        var problems = new List<string>();
        if (share > OverdueShareMax) problems.Add($"{late.Count} of {live.Count} open actions overdue");
        if (longLate.Count > 0) problems.Add(
            $"{Words.Count(longLate.Count, "action")} more than {LongOverdueDays} days late");
        var status = problems.Count == 0 ? HealthStatus.Ok
            : share > OverdueShareMax && longLate.Count > 0 ? HealthStatus.Fail : HealthStatus.Warn;
        return Make(HealthCheckId.OverdueActions, title, status,
            $"{late.Count} of {live.Count} open actions over {OverdueGraceDays} days late ({Percent(share)})",
            threshold,
            problems.Count == 0 ? "Keep actions moving."
                : "Open the actions: mark what is done, drop what will not happen, " +
                  $"and chase {late[0].Owner.DisplayName} about " +
                  $"\"{late[0].Title}\" (due {late[0].DueOn:yyyy-MM-dd}).",
            why, HealthCommand.Actions,
            late.Select(a => $"{a.Title} (due {a.DueOn:yyyy-MM-dd}, {a.Owner.DisplayName})").ToList());
    }
}
