using System.Globalization;
using System.Text;
using static JourneyBot.Map.Html;

namespace JourneyBot.Map;

// The emotion curve: stages across, -2..+2 up, a line through each stage's average and a dot per
// emotion given (sized by how many touchpoints gave it). An image with a title and description, and the same
// figures as a table for screen readers and print.
internal static class EmotionCurve
{
    public const int StageWidth = 120;
    public const int Height = 180;
    private const int Top = 20;
    private const int Plot = 140;

    public static double Y(double emotion) => Top + (2 - emotion) / 4 * Plot;

    public static double X(int stage) => stage * StageWidth + StageWidth / 2.0;

    public static void Write(StringBuilder html, MapView view)
    {
        var width = Math.Max(1, view.Stages.Count) * StageWidth + 40;
        var summary = string.Join("; ", view.Stages.Select(s => $"{s.Name}: {(s.AverageEmotion is { } a ? Signed(a) : "no emotion given")}"));
        html.Append("<section id=\"curve\" aria-labelledby=\"curve-h\"><h2 id=\"curve-h\">Emotion curve</h2>");
        html.Append("<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Emotion curve (scrolls sideways)\"><svg class=\"curve\" role=\"img\" aria-labelledby=\"curve-title curve-desc\" viewBox=\"-40 0 ")
            .Append(width).Append(' ').Append(Height + 30).Append("\" width=\"").Append(width).Append("\" height=\"").Append(Height + 30).Append("\">");
        html.Append("<title id=\"curve-title\">Customer emotion by stage, from -2 (very negative) to +2 (very positive)</title>");
        html.Append("<desc id=\"curve-desc\">").Append(E(summary)).Append("</desc>");
        Body(html, view);
        html.Append("</svg></div>");
        html.Append("<details class=\"fallback\"><summary>Emotion by stage as a table</summary><table><thead><tr><th scope=\"col\">Stage</th><th scope=\"col\">Average emotion</th><th scope=\"col\">Touchpoints with an emotion</th></tr></thead><tbody>");
        foreach (var stage in view.Stages)
        {
            html.Append("<tr><th scope=\"row\">").Append(E(stage.Name)).Append("</th><td>")
                .Append(stage.AverageEmotion is { } a ? Signed(a) : "none given").Append("</td><td>")
                .Append(stage.Touchpoints.Count(t => t.Emotion is not null)).Append("</td></tr>");
        }
        html.Append("</tbody></table></details></section>");
    }

    // The drawing alone, shared with the SVG export.
    public static void Body(StringBuilder svg, MapView view)
    {
        var right = view.Stages.Count * StageWidth;
        for (var e = -2; e <= 2; e++)
        {
            svg.Append("<line class=\"grid\" x1=\"0\" x2=\"").Append(right).Append("\" y1=\"").Append(Num(Y(e))).Append("\" y2=\"").Append(Num(Y(e))).Append("\" stroke=\"#8a8886\" stroke-width=\"").Append(e == 0 ? "1" : "0.4").Append("\"/>");
            svg.Append("<text class=\"axis\" x=\"-8\" y=\"").Append(Num(Y(e) + 4)).Append("\" text-anchor=\"end\" font-size=\"11\" fill=\"currentColor\">").Append(e > 0 ? "+" + e : e.ToString(CultureInfo.InvariantCulture)).Append("</text>");
        }
        for (var i = 0; i < view.Stages.Count; i++)
        {
            var stage = view.Stages[i];
            svg.Append("<text class=\"stage-label\" x=\"").Append(Num(X(i))).Append("\" y=\"").Append(Top + Plot + 24).Append("\" text-anchor=\"middle\" font-size=\"11\" fill=\"currentColor\">")
                .Append(E(stage.Name.Length > 18 ? stage.Name[..17] + "…" : stage.Name)).Append("</text>");
            foreach (var group in stage.Touchpoints.Where(t => t.Emotion is not null).GroupBy(t => t.Emotion!.Value).OrderBy(g => g.Key))
            {
                svg.Append("<circle class=\"tp-point\" data-stage=\"").Append(E(stage.Id)).Append("\" data-emotion=\"").Append(group.Key).Append("\" data-count=\"").Append(group.Count())
                    .Append("\" cx=\"").Append(Num(X(i) - 18)).Append("\" cy=\"").Append(Num(Y(group.Key))).Append("\" r=\"").Append(Num(Math.Min(9, 2.5 + Math.Sqrt(group.Count()))))
                    .Append("\" fill=\"#8a8886\" fill-opacity=\"0.6\"/>");
            }
        }
        foreach (var line in view.Curves)
        {
            var path = new StringBuilder();
            var pen = false;
            for (var i = 0; i < line.ByStage.Count; i++)
            {
                if (line.ByStage[i] is not { } value) { pen = false; continue; }
                path.Append(pen ? " L" : " M").Append(Num(X(i))).Append(' ').Append(Num(Y(value)));
                pen = true;
            }
            svg.Append("<path class=\"curve-line\" d=\"").Append(path.ToString().Trim()).Append("\" fill=\"none\" stroke=\"#6264a7\" stroke-width=\"2.5\"><title>").Append(E(line.Label)).Append("</title></path>");
            for (var i = 0; i < line.ByStage.Count; i++)
            {
                if (line.ByStage[i] is not { } value) continue;
                svg.Append("<circle class=\"point\" data-stage=\"").Append(E(view.Stages[i].Id)).Append("\" data-average=\"").Append(Num(value))
                    .Append("\" cx=\"").Append(Num(X(i))).Append("\" cy=\"").Append(Num(Y(value))).Append("\" r=\"5\" fill=\"#6264a7\"/>");
            }
        }
    }
}
