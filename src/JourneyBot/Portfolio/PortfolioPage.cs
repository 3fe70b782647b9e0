using System.Globalization;
using System.Text;
using static JourneyBot.Map.Html;

namespace JourneyBot.Portfolio;

// The portfolio on the tab: one article per program, the ones needing attention first, each opening its map.
// A list rather than a table, so it reads at 320 px as well as wide.
public static class PortfolioPage
{
    public static string Content(IReadOnlyList<PortfolioRow> rows, bool admin)
    {
        var html = new StringBuilder("<h1>Portfolio</h1>");
        if (rows.Count == 0)
        {
            return html.Append("<p id=\"summary\">You are not part of any journey-mapping program yet. " +
                               "A program owner adds you as a department contact, owner or sponsor.</p>").ToString();
        }
        var attention = rows.Count(r => r.Failing.Count > 0 || r.OverdueActions > 0 || r.ReviewOverdue);
        html.Append("<p id=\"summary\" class=\"summary\">").Append(rows.Count.ToString(CultureInfo.InvariantCulture))
            .Append(rows.Count == 1 ? " program, " : " programs, ")
            .Append(attention.ToString(CultureInfo.InvariantCulture))
            .Append(" needing attention; the ones that need it most come first.</p>");
        if (admin)
        {
            html.Append("<p class=\"meta\">You are in the portfolio admin group: " +
                        "every program of your organisation is listed.</p>");
        }
        html.Append("<ol class=\"portfolio\">");
        foreach (var row in rows)
        {
            var state = row.Failing.Count > 0 ? "fail"
                : row.OverdueActions > 0 || row.ReviewOverdue || row.Watching.Count > 0 ? "watch"
                : "ok";
            html.Append("<li class=\"portfolio-row ").Append(state)
                .Append("\" data-program=\"").Append(E(row.ProgramId))
                .Append("\" data-attention=\"").Append(row.Attention.ToString("0.##", CultureInfo.InvariantCulture))
                .Append("\"><h2><a href=\"/map/").Append(E(Uri.EscapeDataString(row.ProgramId))).Append("\">")
                .Append(E(row.Name))
                .Append("</a> <span class=\"meta\">").Append(E(PortfolioText.Roles(row.Roles)))
                .Append("</span></h2><dl>");

            Item(html, "Health", $"<span class=\"status\">{E(PortfolioText.Health(row))}</span>");
            Item(html, "Customers feel", E(PortfolioText.Emotion(row)));
            Item(html, "Outcomes", row.Metrics.Count == 0 ? "no outcome metrics"
                : string.Join("<br>", row.Metrics.Select(m => E(PortfolioText.Metric(m)))));
            Item(html, "Overdue actions", row.OverdueActions.ToString(CultureInfo.InvariantCulture));
            Item(html, "Last review", E(PortfolioText.Review(row)));
            html.Append("</dl></li>");
        }
        return html.Append("</ol>").ToString();
    }

    private static void Item(StringBuilder html, string term, string value) =>
        html.Append("<div><dt>").Append(term).Append("</dt><dd>").Append(value).Append("</dd></div>");
}
