using JourneyBot.Domain;
using static JourneyBot.Health.CheckResult;
using static JourneyBot.Health.HealthThresholds;

namespace JourneyBot.Health;

// A static map: made once, never reviewed.
internal static class LivingMapCheck
{
    // 002: "Embrace the dynamic nature of the journey by regularly revisiting and adapting your maps to stay aligned
    // with customer expectations." 000: "CJM is not a single-time task but rather an ongoing effort"
    public static HealthCheck Stale(JourneyProgram program, List<Touchpoint> active, DateOnly asOf)
    {
        const string title = "A living map";
        const string why = "A map made once goes out of date as customers and the business change.";
        var cadence = program.Charter.ReviewCadenceDays;
        var threshold = $"a cadence of at most {MaxLivingCadenceDays} days; " +
                        $"a held review within the cadence + {Percent(ReviewGrace)}; " +
                        $"{Percent(FreshShareMin)} of touchpoints verified in the last {FreshWindowCadences} cadences";
        var lastHeld = program.Reviews.Where(r => r.WasHeld()).Select(r => (DateOnly?)r.CompletedOn).Max();
        var since = lastHeld ?? program.CollectionOpenedOn;
        // Nothing to revisit before collection opens; a cadence too long for a living map is wrong already.
        if (since is null && cadence <= MaxLivingCadenceDays)
        {
            return NotJudged(HealthCheckId.Stale, title, threshold, why, "collection not open yet: no review due",
                "Judged once collection opens: the first review is due one cadence later.", HealthCommand.Charter);
        }
        var problems = new List<string>();
        var status = HealthStatus.Ok;
        if (cadence > MaxLivingCadenceDays)
        {
            problems.Add($"reviews every {cadence} days");
            status = HealthStatus.Warn;
        }
        var figure = "collection not open yet";
        if (since is { } from)
        {
            var days = asOf.DayNumber - from.DayNumber;
            figure = lastHeld is null ? $"{days} days open, no review held" : $"last review held {days} days ago";
            var skipped = program.Reviews.Count(r => !r.WasHeld() && r.CompletedOn > from);
            if (skipped > 0) figure += $" ({Words.Count(skipped, "review")} postponed or cancelled since)";
            if (days > cadence * ReviewLateFail)
            {
                problems.Add($"no review held for {days} days");
                status = HealthStatus.Fail;
            }
            else if (days > cadence * (1 + ReviewGrace))
            {
                problems.Add($"no review held for {days} days");
                status = Worse(status, HealthStatus.Warn);
            }
        }
        if (active.Count >= MinTouchpointsToJudge)
        {
            var oldest = asOf.AddDays(-cadence * FreshWindowCadences);
            var fresh = active.Count(t =>
                (t.LastVerifiedOn ?? DateOnly.FromDateTime(t.CreatedAt.UtcDateTime)) >= oldest);
            figure += $"; {fresh} of {active.Count} touchpoints verified recently";
            if ((double)fresh / active.Count < FreshShareMin)
            {
                problems.Add(
                    $"{active.Count - fresh} touchpoints not verified in {cadence * FreshWindowCadences} days");
                status = Worse(status, HealthStatus.Warn);
            }
        }
        var cadenceOnly = cadence > MaxLivingCadenceDays && problems.Count == 1;
        return Make(HealthCheckId.Stale, title, status, figure, threshold,
            problems.Count == 0 ? "Keep reviewing on cadence."
                : cadenceOnly ? "Set a review cadence of a quarter or less in the charter."
                : "Run a review now: confirm, update or retire each touchpoint.",
            why, cadenceOnly ? HealthCommand.Charter : HealthCommand.Review, problems);
    }
}
