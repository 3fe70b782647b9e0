using JourneyBot.Domain;
using static JourneyBot.Health.CheckResult;
using static JourneyBot.Health.HealthThresholds;

namespace JourneyBot.Health;

// Boiling the ocean: several journeys at once, or one with no start or end decided.
internal static class ScopeCheck
{
    // 003: "Which journey are you trying to understand? ... The best way to avoid this mess is to focus on a critical
    // but distinct business process." A start or end written as "TBD", "?" or "à définir" is not decided either.
    public static HealthCheck Scope(Charter charter)
    {
        var problems = new List<string>();
        var journeys = (charter.Journey is null ? 0 : 1) + charter.MoreJourneys.Count;
        if (journeys > 1) problems.Add($"{journeys} journeys recorded");
        if (charter.Journey is not { } j || CharterRules.IsPlaceholder(j.StartTrigger)
            || CharterRules.IsPlaceholder(j.End))
        {
            problems.Add("the journey has no start trigger or no end decided");
        }
        if (charter.Stages.Count > MaxFocusedStages) problems.Add($"{charter.Stages.Count} stages");
        return Make(HealthCheckId.Scope, "One focused journey",
            problems.Count == 0 ? HealthStatus.Ok : HealthStatus.Warn,
            $"{Words.Count(journeys, "journey")}, {Words.Count(charter.Stages.Count, "stage")}",
            $"one journey with a start and an end (not a placeholder), at most {MaxFocusedStages} stages",
            problems.Count == 0 ? "Keep work on a different journey in its own program."
                : "Pick the one journey this program maps, from its trigger to its end, " +
                  "and start another program for the rest.",
            "Mapping every journey at once boils the ocean; a distinct process gets finished.",
            HealthCommand.Charter, problems);
    }
}
