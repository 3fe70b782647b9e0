using System.Globalization;
using JourneyBot.Domain;

namespace JourneyBot.Portfolio;

// A portfolio row's figures in words, the same in chat and on the tab (plain text: callers escape it their way).
public static class PortfolioText
{
    public static string Health(PortfolioRow row) =>
        row.Failing.Count == 0 && row.Watching.Count == 0 ? "all checks ok"
        : string.Join(", ", new[]
        {
            row.Failing.Count == 0 ? null : $"{row.Failing.Count} failing ({string.Join("; ", row.Failing.Take(3))}" +
                                            $"{(row.Failing.Count > 3 ? "…" : "")})",
            row.Watching.Count == 0 ? null : $"{row.Watching.Count} to watch",
        }.OfType<string>());

    public static string Emotion(PortfolioRow row) => row.Emotion is not { } average ? "no ratings yet"
        : $"{Signed(average)} on average" + (row.LowestStage is { } stage && row.LowestEmotion is { } low
            ? $", lowest at {stage} ({Signed(low)})" : "");

    public static string Metric(MetricStanding metric)
    {
        var unit = string.IsNullOrWhiteSpace(metric.Unit) ? "" : " " + metric.Unit.Trim();
        var arrow = metric.Trend switch { > 0 => "↑", < 0 => "↓", 0 => "→", _ => "" };
        var latest = metric.Latest is { } value
            ? $"{Number(value)}{unit} {arrow}".TrimEnd() +
              $" ({metric.LatestOn!.Value.ToString("d MMM yyyy", CultureInfo.InvariantCulture)})"
            : "not read yet";
        var target = metric.Target is { } t
            ? $", target {Number(t)}{unit}" + (metric.OnTarget == true ? " (reached)" : "")
            : "";

        return $"{metric.Name}: {latest}{target}";
    }

    public static string Review(PortfolioRow row) =>
        (row.LastReview is { } on ? on.ToString("d MMM yyyy", CultureInfo.InvariantCulture) : "none yet")
        + (row.ReviewOverdue ? ", next one overdue" : "");

    public static string Roles(ProgramRole roles) => roles == ProgramRole.None ? "admin view"
        : string.Join(", ", new[] { (ProgramRole.Owner, "owner"), (ProgramRole.Sponsor, "sponsor"),
            (ProgramRole.Contributor, "contributor") }.Where(r => roles.HasFlag(r.Item1)).Select(r => r.Item2));

    private static string Signed(double value) => value.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture);

    private static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
