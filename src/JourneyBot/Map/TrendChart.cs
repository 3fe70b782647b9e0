using System.Globalization;
using System.Text;
using JourneyBot.Domain;
using static JourneyBot.Map.Html;

namespace JourneyBot.Map;

// Each outcome metric over time: its figures as a line, the baseline and target as level lines, and the due and
// done days of the actions that name it as marks on the time axis. An image with a title and a description that
// says the same in a sentence, and the figures and actions as tables for screen readers and print. The drawing
// scales down to a phone's width (320 px) and stops growing at a readable size on a wide screen.
internal static class TrendChart
{
    private const int Width = 360;
    private const int Height = 200;
    private const int Left = 44;
    private const int Right = 12;
    private const int Top = 14;
    private const int Bottom = 34;

    public static void Write(StringBuilder html, MapView view)
    {
        if (view.Trends.Count == 0) return;
        html.Append("<section id=\"trends\" aria-labelledby=\"trends-h\"><h2 id=\"trends-h\">Outcome metrics over time</h2>");
        foreach (var trend in view.Trends) Chart(html, trend, view.AsOf);
        html.Append("</section>");
    }

    private static void Chart(StringBuilder html, MetricTrend t, DateOnly asOf)
    {
        var id = "trend-" + t.Id;
        html.Append("<figure class=\"trend\" data-metric=\"").Append(E(t.Id)).Append("\" data-readings=\"").Append(t.Points.Count).Append("\">");
        html.Append("<figcaption><h3 id=\"").Append(id).Append("-h\">").Append(E(t.Name)).Append("</h3>");
        html.Append("<p class=\"meta\">").Append(E(Levels(t))).Append(" · read every ").Append(E(Words.Count(t.CadenceDays, "day")))
            .Append("</p></figcaption>");
        if (t.Points.Count == 0)
        {
            html.Append("<p class=\"empty\">No reading yet: not judged yet. Owners are asked for a figure at each cadence, " +
                        "or type <strong>record</strong> in chat.</p>");
        }
        else Svg(html, t, asOf, id);
        Tables(html, t);
        html.Append("</figure>");
    }

    private static void Svg(StringBuilder html, MetricTrend t, DateOnly asOf, string id)
    {
        var days = t.Points.Select(p => p.On).Concat(t.Actions.Select(a => a.DueOn)).Concat(t.Actions.Where(a => a.DoneOn is not null).Select(a => a.DoneOn!.Value))
            .Append(asOf).ToList();
        var first = days.Min();
        var last = days.Max();
        if (last == first) last = first.AddDays(1);
        var values = t.Points.Select(p => p.Value).ToList();
        if (t.Baseline is { } b) values.Add(b);
        if (t.Target is { } g) values.Add(g);
        var (low, high) = ((double)values.Min(), (double)values.Max());
        var pad = high == low ? Math.Max(1, Math.Abs(high) * 0.1) : (high - low) * 0.12;
        (low, high) = (low - pad, high + pad);
        double X(DateOnly d) => Left + (double)(d.DayNumber - first.DayNumber) / (last.DayNumber - first.DayNumber) * (Width - Left - Right);
        double Y(double v) => Top + (high - v) / (high - low) * (Height - Top - Bottom);

        html.Append("<div class=\"scroll\"><svg class=\"trend-chart\" role=\"img\" aria-labelledby=\"").Append(id).Append("-title ").Append(id)
            .Append("-desc\" viewBox=\"0 0 ").Append(Width).Append(' ').Append(Height).Append("\" width=\"").Append(Width).Append("\" height=\"")
            .Append(Height).Append("\" font-size=\"11\">");
        html.Append("<title id=\"").Append(id).Append("-title\">").Append(E(t.Name)).Append(" over time</title>");
        html.Append("<desc id=\"").Append(id).Append("-desc\">").Append(E(Description(t))).Append("</desc>");
        // Axis: the lowest and highest figure shown, the first and last day.
        var plotBottom = Height - Bottom;
        html.Append("<line class=\"axis-line\" x1=\"").Append(Left).Append("\" x2=\"").Append(Width - Right).Append("\" y1=\"").Append(plotBottom)
            .Append("\" y2=\"").Append(plotBottom).Append("\" stroke=\"currentColor\" stroke-width=\"0.6\"/>");
        foreach (var v in new[] { low + pad, high - pad }.Distinct())
        {
            html.Append("<text class=\"axis\" x=\"").Append(Left - 4).Append("\" y=\"").Append(Num(Y(v) + 4)).Append("\" text-anchor=\"end\" fill=\"currentColor\">")
                .Append(E(Short(v))).Append("</text>");
        }
        html.Append("<text class=\"axis\" x=\"").Append(Left).Append("\" y=\"").Append(Height - 18).Append("\" fill=\"currentColor\">").Append(Day(first)).Append("</text>");
        html.Append("<text class=\"axis\" x=\"").Append(Width - Right).Append("\" y=\"").Append(Height - 18).Append("\" text-anchor=\"end\" fill=\"currentColor\">")
            .Append(Day(last)).Append("</text>");
        if (t.Baseline is { } baseline) Level(html, "baseline", "baseline", Y((double)baseline));
        if (t.Target is { } target) Level(html, "target", "target", Y((double)target));
        foreach (var a in t.Actions)
        {
            Mark(html, "due", X(a.DueOn), Top, plotBottom);
            if (a.DoneOn is { } done) Mark(html, "done", X(done), Top, plotBottom);
        }
        var path = string.Join(" ", t.Points.Select((p, i) => $"{(i == 0 ? "M" : "L")}{Num(X(p.On))} {Num(Y((double)p.Value))}"));
        html.Append("<path class=\"reading-line\" d=\"").Append(path).Append("\" fill=\"none\" stroke=\"#4f52b2\" stroke-width=\"2\"/>");
        foreach (var p in t.Points)
        {
            html.Append("<circle class=\"reading\" data-on=\"").Append(p.On.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append("\" data-value=\"")
                .Append(ImpactWords.Number(p.Value)).Append("\" cx=\"").Append(Num(X(p.On))).Append("\" cy=\"").Append(Num(Y((double)p.Value)))
                .Append("\" r=\"3.5\" fill=\"#4f52b2\"/>");
        }
        // A key, since colour alone must not carry the meaning: dashed target, dotted baseline, marks for actions.
        html.Append("<text class=\"key\" x=\"").Append(Left).Append("\" y=\"").Append(Height - 4).Append("\" fill=\"currentColor\">")
            .Append("— figures · - - target · ··· baseline · ▲ due · ● done</text>");
        html.Append("</svg></div>");
    }

    private static void Level(StringBuilder html, string css, string label, double y) =>
        html.Append("<line class=\"").Append(css).Append("\" x1=\"").Append(Left).Append("\" x2=\"").Append(Width - Right).Append("\" y1=\"").Append(Num(y))
            .Append("\" y2=\"").Append(Num(y)).Append("\" stroke=\"currentColor\" stroke-width=\"1\" stroke-dasharray=\"").Append(css == "target" ? "6 3" : "1 3")
            .Append("\"/><text class=\"level-label\" x=\"").Append(Width - Right).Append("\" y=\"").Append(Num(y - 3)).Append("\" text-anchor=\"end\" fill=\"currentColor\">")
            .Append(label).Append("</text>");

    private static void Mark(StringBuilder html, string css, double x, int top, int bottom)
    {
        html.Append("<line class=\"").Append(css).Append("\" x1=\"").Append(Num(x)).Append("\" x2=\"").Append(Num(x)).Append("\" y1=\"").Append(top)
            .Append("\" y2=\"").Append(bottom).Append("\" stroke=\"currentColor\" stroke-width=\"0.6\" stroke-dasharray=\"2 2\"/>");
        html.Append("<text class=\"").Append(css).Append("-mark\" x=\"").Append(Num(x)).Append("\" y=\"").Append(bottom + 10)
            .Append("\" text-anchor=\"middle\" fill=\"currentColor\">").Append(css == "due" ? "▲" : "●").Append("</text>");
    }

    private static void Tables(StringBuilder html, MetricTrend t)
    {
        html.Append("<details class=\"fallback\"><summary>").Append(E(t.Name)).Append(": figures and actions as tables</summary>");
        html.Append("<table><caption>Figures</caption><thead><tr><th scope=\"col\">Day</th><th scope=\"col\">Figure</th><th scope=\"col\">Source</th></tr></thead><tbody>");
        if (t.Baseline is { } baseline) html.Append("<tr><th scope=\"row\">Baseline</th><td>").Append(E(ImpactWords.Figure(baseline, t.Unit))).Append("</td><td>charter</td></tr>");
        foreach (var p in t.Points)
        {
            html.Append("<tr><th scope=\"row\">").Append(Date(p.On)).Append("</th><td>").Append(E(ImpactWords.Figure(p.Value, t.Unit))).Append("</td><td>")
                .Append(p.Source.ToString().ToLowerInvariant()).Append("</td></tr>");
        }
        if (t.Target is { } target) html.Append("<tr><th scope=\"row\">Target</th><td>").Append(E(ImpactWords.Figure(target, t.Unit))).Append("</td><td>charter</td></tr>");
        html.Append("</tbody></table>");
        if (t.Actions.Count > 0)
        {
            html.Append("<table><caption>Actions that name it</caption><thead><tr><th scope=\"col\">Action</th><th scope=\"col\">Due</th>" +
                        "<th scope=\"col\">Done</th><th scope=\"col\">Impact</th></tr></thead><tbody>");
            foreach (var a in t.Actions)
            {
                html.Append("<tr><th scope=\"row\">").Append(E(a.Title)).Append("</th><td>").Append(Date(a.DueOn)).Append("</td><td>")
                    .Append(a.DoneOn is { } d ? Date(d) : a.Status == ActionStatus.InProgress ? "in progress" : "not yet").Append("</td><td class=\"impact\">")
                    .Append(E(a.Impact ?? "judged once done")).Append("</td></tr>");
            }
            html.Append("</tbody></table>");
        }
        html.Append("</details>");
    }

    private static string Levels(MetricTrend t) =>
        $"baseline {(t.Baseline is { } b ? ImpactWords.Figure(b, t.Unit) : "not set")}, target {(t.Target is { } g ? ImpactWords.Figure(g, t.Unit) : "not set")}";

    private static string Description(MetricTrend t)
    {
        var points = t.Points;
        var text = $"{Words.Count(points.Count, "reading")} from {Date(points[0].On)} ({ImpactWords.Figure(points[0].Value, t.Unit)}) " +
                   $"to {Date(points[^1].On)} ({ImpactWords.Figure(points[^1].Value, t.Unit)}); {Levels(t)}.";
        var done = t.Actions.Count(a => a.DoneOn is not null);
        return t.Actions.Count == 0 ? text : text + $" {Words.Count(t.Actions.Count, "action")} name it, {done} done.";
    }

    private static string Short(double value) => value.ToString(Math.Abs(value) >= 100 ? "0" : "0.##", CultureInfo.InvariantCulture);

    private static string Day(DateOnly day) => day.ToString("d MMM yy", CultureInfo.InvariantCulture);
}
