using JourneyBot.Domain;
using static JourneyBot.Health.CheckResult;
using static JourneyBot.Health.HealthThresholds;

namespace JourneyBot.Health;

// Outcome metrics set once and never read again: the map cannot show whether the journey got better.
internal static class MetricsReadCheck
{
    // 000: "What you measure is what you get and no amount of Customer Experience drum banging will work unless those
    // measures of Outcomes become the most important." 002: "Feedback loops from customer interactions, monitoring
    // industry trends, and periodic assessments ensure the map remains agile"; 000: "an ongoing effort to be
    // evaluated and updated routinely".
    public static HealthCheck MetricsRead(JourneyProgram program, DateOnly asOf)
    {
        const string title = "Outcome metrics read";
        const string why = "An outcome measured only at the start says nothing about whether the journey got better; " +
                           "without figures over time actions cannot be judged by what they moved.";
        var threshold = $"every outcome metric read within {UnreadCadences} of its cadences (monthly unless the charter says)";
        var outcomes = program.Charter.Metrics.Where(m => m.Kind == MetricKind.Outcome).ToList();
        if (outcomes.Count == 0)
        {
            return NotJudged(HealthCheckId.MetricsRead, title, threshold, why, "no outcome metric to read",
                "Judged once the charter has outcome metrics (the outcome-metrics check asks for them).", HealthCommand.Charter);
        }
        if (program.CollectionOpenedOn is not { } opened)
        {
            return NotJudged(HealthCheckId.MetricsRead, title, threshold, why, "collection not open yet",
                "Judged once collection opens and the first figures are recorded.", HealthCommand.Record);
        }
        if (!outcomes.Any(m => program.ReadingsOf(m.Id).Any()))
        {
            return NotJudged(HealthCheckId.MetricsRead, title, threshold, why, "no reading recorded yet",
                "Judged once figures are recorded: owners are asked for each at its cadence, or type record.", HealthCommand.Record);
        }
        var age = asOf.DayNumber - opened.DayNumber;
        if (outcomes.All(m => age <= m.DaysBetweenReadings() * UnreadCadences))
        {
            return NotJudged(HealthCheckId.MetricsRead, title, threshold, why,
                $"collection opened {Words.Count(age, "day")} ago: too young to have missed two readings",
                $"Judged once the program is {UnreadCadences} cadences old.", HealthCommand.Record);
        }
        var unread = new List<string>();
        foreach (var metric in outcomes)
        {
            var every = metric.DaysBetweenReadings();
            var last = ReadingSchedule.Latest(program, metric.Id)?.On;
            // A figure from before collection opened (a baseline taken earlier) counts from the opening.
            var since = last is { } l && l > opened ? l : opened;
            var days = asOf.DayNumber - since.DayNumber;
            if (days > every * UnreadCadences)
            {
                unread.Add(last is null ? $"{metric.Name}: never read ({Words.Count(days, "day")} open, read every {every})"
                    : $"{metric.Name}: last read {Words.Count(days, "day")} ago (read every {every})");
            }
        }
        var read = outcomes.Count - unread.Count;
        return Make(HealthCheckId.MetricsRead, title, unread.Count == 0 ? HealthStatus.Ok : HealthStatus.Warn,
            $"{read} of {Words.Count(outcomes.Count, "outcome metric")} read within {UnreadCadences} cadences",
            threshold,
            unread.Count == 0 ? "Keep recording each figure when it is asked for."
                : "Record this period's figure of each metric listed (type record), or name a metric owner who can.",
            why, HealthCommand.Record, unread);
    }
}
