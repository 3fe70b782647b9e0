using System.Globalization;
using JourneyBot.Domain;
using static JourneyBot.Health.HealthThresholds;

namespace JourneyBot.Health;

// What every check builds its answer with.
internal static class CheckResult
{
    public static HealthCheck Make(HealthCheckId id, string title, HealthStatus status, string figure, string threshold,
        string next, string why, HealthCommand? command, IReadOnlyList<string>? details = null) =>
        new(id, title, status, figure, threshold, next, details is { Count: > 0 } ? details : null)
            { Why = why, Command = command };

    // A rule that does not apply yet: why (the figure) and what would make it apply (the next step).
    public static HealthCheck NotJudged(HealthCheckId id, string title, string threshold, string why, string figure,
        string next, HealthCommand command) =>
        Make(id, title, HealthStatus.NotJudged, figure, threshold, next, why, command);

    // Share checks wait for a map with enough touchpoints to say anything.
    public static HealthCheck TooFewTouchpoints(HealthCheckId id, string title, string threshold, string why,
        int active) =>
        NotJudged(id, title, threshold, why,
            $"too few touchpoints to judge: {active} active, judged from {MinTouchpointsToJudge}",
            $"Judged once departments have added {MinTouchpointsToJudge} touchpoints: " +
            "open collection and add touchpoints.",
            HealthCommand.AddTouchpoint);

    public static HealthStatus Worse(HealthStatus a, HealthStatus b) => a > b ? a : b;

    public static string Percent(double share) => (share * 100).ToString("0", CultureInfo.InvariantCulture) + "%";
}
