using System.Text;
using static JourneyBot.Map.Html;

namespace JourneyBot.Map;

// The current view as a standalone SVG file: stage columns with their touchpoints and the emotion curve above.
// The browser turns the same file into a PNG.
public static class MapSvg
{
    private const int CardHeight = 34;
    private const int CurveHeight = EmotionCurve.Height + 40;
    private const int MaxCardsPerStage = 40;

    public static string Build(MapView view)
    {
        var columns = Math.Max(1, view.Stages.Count);
        var tallest = view.Stages.Count == 0 ? 0 : view.Stages.Max(s => Math.Min(s.Touchpoints.Count, MaxCardsPerStage + 1));
        var width = columns * EmotionCurve.StageWidth + 60;
        var height = CurveHeight + 60 + tallest * (CardHeight + 6) + 20;
        var svg = new StringBuilder();
        svg.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"").Append(width).Append("\" height=\"").Append(height)
            .Append("\" viewBox=\"-50 -30 ").Append(width).Append(' ').Append(height).Append("\" font-family=\"Segoe UI, Helvetica, Arial, sans-serif\" color=\"#242424\">");
        svg.Append("<title>").Append(E(view.ProgramName)).Append(": journey map</title>");
        svg.Append("<rect x=\"-50\" y=\"-30\" width=\"").Append(width).Append("\" height=\"").Append(height).Append("\" fill=\"#ffffff\"/>");
        svg.Append("<text x=\"-40\" y=\"-10\" font-size=\"14\" font-weight=\"bold\" fill=\"#242424\">").Append(E(view.ProgramName)).Append("</text>");
        svg.Append("<g class=\"curve\">");
        EmotionCurve.Body(svg, view);
        svg.Append("</g>");
        for (var i = 0; i < view.Stages.Count; i++)
        {
            var stage = view.Stages[i];
            var x = i * EmotionCurve.StageWidth + 4;
            var y = CurveHeight + 20;
            svg.Append("<g class=\"stage\" data-stage=\"").Append(E(stage.Id)).Append("\" data-count=\"").Append(stage.Touchpoints.Count).Append("\">");
            svg.Append("<text x=\"").Append(x).Append("\" y=\"").Append(y).Append("\" font-size=\"12\" font-weight=\"bold\" fill=\"#242424\">")
                .Append(E(Short(stage.Name, 16))).Append(" (").Append(stage.Touchpoints.Count).Append(")</text>");
            var shown = stage.Touchpoints.Take(MaxCardsPerStage).ToList();
            for (var j = 0; j < shown.Count; j++)
            {
                var t = shown[j];
                var top = y + 10 + j * (CardHeight + 6);
                svg.Append("<g class=\"tp\" data-touchpoint=\"").Append(E(t.Id)).Append("\"><rect x=\"").Append(x).Append("\" y=\"").Append(top)
                    .Append("\" width=\"").Append(EmotionCurve.StageWidth - 8).Append("\" height=\"").Append(CardHeight).Append("\" rx=\"4\" fill=\"")
                    .Append(t.Stale ? "#fff4ce" : "#f5f5f5").Append("\" stroke=\"").Append(t.CriticalPain ? "#c4314b" : "#c8c6c4").Append("\"/>")
                    .Append("<text x=\"").Append(x + 4).Append("\" y=\"").Append(top + 14).Append("\" font-size=\"10\" fill=\"#242424\">").Append(E(Short(t.CustomerAction, 22))).Append("</text>")
                    .Append("<text x=\"").Append(x + 4).Append("\" y=\"").Append(top + 27).Append("\" font-size=\"9\" fill=\"#616161\">").Append(E(Short(t.DepartmentName, 24))).Append("</text></g>");
            }
            if (stage.Touchpoints.Count > shown.Count)
            {
                svg.Append("<text x=\"").Append(x).Append("\" y=\"").Append(y + 24 + shown.Count * (CardHeight + 6)).Append("\" font-size=\"10\" fill=\"#616161\">")
                    .Append(stage.Touchpoints.Count - shown.Count).Append(" more</text>");
            }
            svg.Append("</g>");
        }
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static string Short(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
