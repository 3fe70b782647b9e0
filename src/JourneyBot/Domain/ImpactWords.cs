using System.Globalization;

namespace JourneyBot.Domain;

// An action's impact in words, the same on the actions card, the map and the progress card:
// "+6 points since done, 2 readings", "not judged yet — no reading since done".
public static class ImpactWords
{
    // Null when the action names no metric of the program (there is nothing to judge it by).
    public static string? Of(JourneyProgram program, ImprovementAction action)
    {
        if (program.Charter.Metrics.FirstOrDefault(m => m.Id == action.MetricId) is not { } metric) return null;
        if (action.Status != ActionStatus.Done) return null;
        if (ActionImpact.Of(program, action) is not { } impact) return "not judged — done before done days were kept";
        if (impact.Latest is null) return "not judged yet — no reading since done";
        if (impact.Before is null) return "not judged yet — no reading from before work started";
        var change = impact.Change!.Value;
        var readings = Words.Count(impact.ReadingsSinceDone, "reading");
        if (change == 0) return $"no change since done, {readings}";
        var towards = impact.Metric.Target is not null && impact.Metric.Baseline is not null
            ? impact.TowardsTarget > 0 ? " (towards the target)" : " (away from the target)"
            : "";
        return $"{Signed(change)} {UnitOfChange(metric)}since done{towards}, {readings}";
    }

    public static string Signed(decimal change) =>
        (change > 0 ? "+" : change < 0 ? "−" : "") + Number(Math.Abs(change));

    public static string Number(decimal value) => value.ToString("0.##########", CultureInfo.InvariantCulture);

    // A figure with its unit: "38%", "1200 emails".
    public static string Figure(decimal value, string? unit) =>
        unit is null ? Number(value) : unit == "%" ? Number(value) + "%" : $"{Number(value)} {unit}";

    // A change of a percentage is in points; of anything else, in its unit.
    private static string UnitOfChange(Metric metric) => metric.Unit switch
    {
        null or "" => "",
        "%" => "points ",
        var unit => unit + " ",
    };
}
