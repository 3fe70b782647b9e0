using System.Globalization;
using JourneyBot.Domain;
using static JourneyBot.Health.CheckResult;
using static JourneyBot.Health.HealthThresholds;

namespace JourneyBot.Health;

// The charter's pitfalls: an unclear objective, outputs measured instead of outcomes, and mapping done with no
// budget or time.
internal static class CharterChecks
{
    // 003: "many people rush into this initiative without a clear focus on what they’re actually trying to achieve."
    // 003: "this needs to be treated as a true project with a clear mission statement, a “definition of done”"
    public static HealthCheck Objective(Charter charter)
    {
        var metrics = charter.Metrics.Select(m => m.Name).ToList();
        var objective = CharterRules.StatementProblem(charter.Objective);
        var done = CharterRules.StatementProblem(charter.DefinitionOfDone);
        // Not a statement at all fails; a statement that names no change, or no state of done, is to sharpen.
        var vague = objective is null ? StatementRules.ObjectiveProblem(charter.Objective, metrics) : null;
        var elsewhere = done is null ? StatementRules.DefinitionOfDoneProblem(charter.DefinitionOfDone, metrics) : null;
        var problems = new List<string>();
        if ((objective ?? vague) is { } o) problems.Add($"objective is {o}");
        if ((done ?? elsewhere) is { } d) problems.Add($"definition of done is {d}");
        var status = objective is not null || done is not null ? HealthStatus.Fail
            : problems.Count > 0 ? HealthStatus.Warn : HealthStatus.Ok;
        var next = problems.Count == 0 ? "Keep them in view at every review."
            : (objective ?? vague) is not null
                ? "Write in the charter what the program will change: which measure moves, which way and by how much."
                : "Write in the charter how you will know it is done: the state of the journey or its measures, " +
                  "not who signs it off or where it is written.";
        return Make(HealthCheckId.Objective, "Clear objective and definition of done", status,
            problems.Count == 0 ? "both stated" : string.Join("; ", problems),
            $"each a statement of at least {CharterRules.MinStatementWords} words, not a placeholder; " +
            "the objective names a change (a direction, figure or measure), the definition of done a state, " +
            "not only an approval or a pointer elsewhere",
            next, "Without a clear objective nobody knows what the map is for or when it is done.",
            HealthCommand.Charter);
    }

    // 000: "the really important measures that tell you a Successful Customer Outcome is being achieved will only be a
    // small proportion. What you measure is what you get"
    public static HealthCheck OutcomeMetrics(Charter charter)
    {
        var withTarget = charter.Metrics.Count(m => m.Kind == MetricKind.Outcome && m.Target is not null);
        var outcomes = charter.Metrics.Count(m => m.Kind == MetricKind.Outcome);
        return Make(HealthCheckId.OutcomeMetrics, "Outcome metrics with targets",
            withTarget > 0 ? HealthStatus.Ok : HealthStatus.Fail,
            $"{Words.Count(withTarget, "outcome metric")} with a target" +
            $"{(outcomes > withTarget ? $" ({outcomes - withTarget} without)" : "")}",
            "at least one outcome metric with a target",
            withTarget > 0 ? "Report outcomes first in every review."
                : "Add an outcome metric with a target: what changes for the customer or the business.",
            "What you measure is what you get: without an outcome measure the program cannot show it helped customers.",
            HealthCommand.Charter);
    }

    // 000: "Usually, the balance will be 80% output metrics (like calls answered, Average Handle Times, Abandoned
    // Rates, Projects completed on time to budget etc.)" and "What you measure is what you get … unless those measures
    // of Outcomes become the most important." Heavy is that usual balance: outputs crowding the outcomes out, not a
    // modest majority of outputs beside outcomes with targets.
    public static HealthCheck OutputHeavy(Charter charter)
    {
        const string title = "Outcomes outweigh outputs";
        const string why = "Output KPIs (calls answered, handle time) crowd out the measures of customer outcomes.";
        var threshold = $"output KPIs under {Percent(OutputHeavyShare)} of the metrics";
        var outcome = charter.Metrics.Count(m => m.Kind == MetricKind.Outcome);
        var targeted = charter.Metrics.Count(m => m.Kind == MetricKind.Outcome && m.Target is not null);
        var output = charter.Metrics.Count - outcome;
        if (charter.Metrics.Count == 0)
        {
            return NotJudged(HealthCheckId.OutputHeavy, title, threshold, why, "no metrics in the charter yet",
                "Judged once the charter has metrics: add the outcome metrics first.", HealthCommand.Charter);
        }
        // No outcome with a target: the outcome-metrics check fails and says so; there is nothing to weigh against.
        if (targeted == 0)
        {
            return NotJudged(HealthCheckId.OutputHeavy, title, threshold, why,
                $"{outcome} outcome, {output} output, no outcome metric with a target to weigh the outputs against",
                "Judged once an outcome metric has a target (see Outcome metrics with targets).",
                HealthCommand.Charter);
        }
        var share = (double)output / charter.Metrics.Count;
        var flagged = share >= OutputHeavyShare;
        return Make(HealthCheckId.OutputHeavy, title, flagged ? HealthStatus.Warn : HealthStatus.Ok,
            $"{outcome} outcome, {output} output ({Percent(share)} output)", threshold,
            flagged ? "Tie each output KPI to the outcome it should move, or drop it from the charter."
                : "Keep outcomes the measures that count.",
            why, HealthCommand.Charter);
    }

    // 003: "No additional funding or resources are provided." 001: "You’ll need a budget, people, technology and
    // leadership oversight."
    public static HealthCheck Resources(Charter charter)
    {
        // A format-1 budget note counts unless it is a placeholder ("none", "TBD").
        var hasBudget = charter.Funding is { Amount: > 0 }
            || (charter.Funding is null && CharterRules.StatementProblem(charter.Budget) is null or "too short");
        var roles = charter.Team.Sum(m => m.TimePercent) / 100.0;
        var problems = new List<string>();
        if (!hasBudget) problems.Add(charter.Funding is { Amount: 0 } ? "no budget (charter says none)"
            : "no budget recorded");
        if (roles < MinTeamFullTimeRoles) problems.Add($"people's time adds up to {Roles(roles)} of a full-time role");
        var budget = charter.Funding is { Amount: > 0 } f
            ? $"{f.Amount.ToString("#,0", CultureInfo.InvariantCulture)} {f.Currency}"
            : hasBudget ? "budget noted" : "no budget";
        var agree = string.Join(" and ",
            problems.Select(p => p.StartsWith("no budget") ? "a budget" : "time set aside"));
        return Make(HealthCheckId.Resources, "Budget and people's time",
            problems.Count == 0 ? HealthStatus.Ok : problems.Count == 2 ? HealthStatus.Fail : HealthStatus.Warn,
            $"{budget}; {Roles(roles)} full-time roles from {Words.Count(charter.Team.Count, "person", "people")}",
            $"a budget, and people's time adding up to at least {Roles(MinTeamFullTimeRoles)} of a full-time role",
            problems.Count == 0 ? "Review the budget and time with the sponsor as the program grows."
                : $"Agree {agree} with the sponsor and record it in the charter.",
            "Mapping done on top of an overflowing day job, with no funding, stalls.", HealthCommand.Charter, problems);
    }

    private static string Roles(double roles) => roles.ToString("0.##", CultureInfo.InvariantCulture);
}
