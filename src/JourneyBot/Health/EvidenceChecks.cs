using JourneyBot.Domain;
using static JourneyBot.Health.CheckResult;
using static JourneyBot.Health.HealthThresholds;

namespace JourneyBot.Health;

// What the map rests on: evidence rather than assumptions, the customer's feelings and words, and the employees
// and systems behind each touchpoint.
internal static class EvidenceChecks
{
    // 004: "Another mistake that companies make is relying on assumptions instead of gathering data."
    public static HealthCheck Evidence(List<Touchpoint> active)
    {
        const string title = "Evidence over assumptions";
        const string why = "A map built on assumptions shows what we believe, not what customers meet.";
        var threshold = $"at least {Percent(EvidenceShareMin)} of touchpoints backed by evidence " +
                        $"(fail below {Percent(EvidenceShareFail)})";
        if (active.Count < MinTouchpointsToJudge) return TooFewTouchpoints(HealthCheckId.Evidence, title,
            threshold, why, active.Count);
        var backed = active.Count(t => t.HasEvidence());
        var assumed = active.Count(t => t.Evidence == Domain.Evidence.Assumption);
        var share = (double)backed / active.Count;
        var status = share >= EvidenceShareMin ? HealthStatus.Ok
            : share >= EvidenceShareFail ? HealthStatus.Warn : HealthStatus.Fail;
        return Make(HealthCheckId.Evidence, title, status,
            $"{backed} of {active.Count} backed by evidence ({Percent(share)}); " +
            $"{assumed} assumed, {active.Count - backed - assumed} not recorded",
            threshold,
            status == HealthStatus.Ok ? "Name the source for new touchpoints too."
                : "Pick the assumed touchpoints and check them against interviews, tickets or analytics.",
            why, HealthCommand.Review);
    }

    // 002: "Combine technology with a deep understanding of customer emotions and motivations for a holistic approach."
    // 001: "you want to provide an emotional context for the data you collect."
    public static HealthCheck Emotion(List<Touchpoint> active)
    {
        const string title = "Customer emotion";
        const string why = "Without the customer's feelings the map cannot show where the journey hurts.";
        var threshold = $"at least {Percent(EmotionShareMin)} of touchpoints with the customer's emotion, " +
                        "not one value everywhere";
        if (active.Count < MinTouchpointsToJudge) return TooFewTouchpoints(HealthCheckId.Emotion, title,
            threshold, why, active.Count);
        var values = active.Where(t => t.Emotion is not null).Select(t => t.Emotion!.Value).ToList();
        var share = (double)values.Count / active.Count;
        var problems = new List<string>();
        if (share < EmotionShareMin) problems.Add($"emotion on {values.Count} of {active.Count} touchpoints");
        if (values.Count >= MinTouchpointsToJudge && values.Distinct().Count() == 1) problems.Add(
            $"every emotion is {values[0]:+0;-0;0}: a flat curve");
        return Make(HealthCheckId.Emotion, title, problems.Count == 0 ? HealthStatus.Ok : HealthStatus.Warn,
            $"{values.Count} of {active.Count} ({Percent(share)}), " +
            $"{values.Distinct().Count()} distinct values", threshold,
            problems.Count == 0 ? "Read the emotion curve stage by stage at the next review."
                : "Start a review and set how the customer really feels at each touchpoint (-2 to +2), " +
                  "asking the contributors where unsure.",
            why, HealthCommand.Review, problems);
    }

    // 001: "You need to hear from customers — in their own words and voices — across many audience segments."
    public static HealthCheck Verbatims(List<Touchpoint> active)
    {
        const string title = "Customers' own words";
        const string why = "Customers' own words keep the map honest and from the customer's side.";
        var threshold = $"at least {Percent(VerbatimShareMin)} of touchpoints with a customer verbatim";
        if (active.Count < MinTouchpointsToJudge) return TooFewTouchpoints(HealthCheckId.Verbatims, title,
            threshold, why, active.Count);
        var with = active.Count(t => !string.IsNullOrWhiteSpace(t.Verbatim));
        var share = (double)with / active.Count;
        return Make(HealthCheckId.Verbatims, title, share >= VerbatimShareMin ? HealthStatus.Ok : HealthStatus.Warn,
            $"{with} of {active.Count} ({Percent(share)})", threshold,
            share >= VerbatimShareMin ? "Keep quoting customers."
                : "Add what customers said, in their own words, to the touchpoints that matter most.",
            why, HealthCommand.Review);
    }

    // 002: "Neglecting the employee experience can result in service delivery gaps." 000: "the processes and systems
    // that underpin those connections." Staff pain noted on a handful of a large map's touchpoints is that neglect
    // too: the employees' side is a share of the map, like the customer's emotion, not a box ticked once.
    public static HealthCheck EmployeeSide(List<Touchpoint> active)
    {
        const string title = "Employee side";
        const string why =
            "The customer's experience is delivered by employees and systems; ignoring them leaves gaps.";
        var threshold = $"at least {Percent(BackstageShareMin)} of touchpoints name who delivers them " +
                        "and with which system; " +
                        $"employees' pain recorded on at least {Percent(EmployeePainShareMin)} of them";
        if (active.Count < MinTouchpointsToJudge) return TooFewTouchpoints(HealthCheckId.EmployeeSide, title,
            threshold, why, active.Count);
        var backstage = active.Count(t => t.Backstage?.NamesWhoAndWith() == true);
        var pain = active.Count(t => t.Backstage?.HasEmployeePain() == true);
        var share = (double)backstage / active.Count;
        var painShare = (double)pain / active.Count;
        var problems = new List<string>();
        if (share < BackstageShareMin) problems.Add($"backstage on {backstage} of {active.Count} touchpoints");
        if (pain == 0) problems.Add("no employee pain recorded");
        else if (painShare < EmployeePainShareMin) problems.Add(
            $"employee pain on only {pain} of {active.Count} touchpoints ({Percent(painShare)})");
        return Make(HealthCheckId.EmployeeSide, title,
            problems.Count == 0 ? HealthStatus.Ok : HealthStatus.Warn,
            $"backstage on {backstage} of {active.Count} ({Percent(share)}); " +
            $"employee pain on {pain} ({Percent(painShare)})", threshold,
            problems.Count == 0 ? "Bring the employees' pain points to the actions too."
                : share < BackstageShareMin ? "Fill in who delivers each touchpoint and with which system."
                : "Start a review and record, with the people who deliver the touchpoints, " +
                  "what makes them hard for employees.",
            why, HealthCommand.Review, problems);
    }
}
