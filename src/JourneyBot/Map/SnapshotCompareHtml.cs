using System.Text;
using JourneyBot.Domain;
using static JourneyBot.Map.Html;

namespace JourneyBot.Map;

// The comparison above the map: touchpoints added, retired and changed (when both moments kept the map), then
// per stage and per health check. Long lists fold, so comparing two 2,000-touchpoint maps stays readable.
internal static class SnapshotCompareHtml
{
    private const int ShownPerList = 50;

    public static void Write(StringBuilder html, SnapshotComparison c)
    {
        html.Append("<section id=\"compare\" aria-labelledby=\"compare-h\"><h2 id=\"compare-h\">What changed: ").Append(E(c.ThenLabel)).Append(" → ").Append(E(c.NowLabel)).Append("</h2><p>Active touchpoints: ")
            .Append(c.TouchpointsThen).Append(" then, ").Append(c.TouchpointsNow).Append(" now.</p>");
        if (c.Touchpoints is { } t)
        {
            html.Append("<p class=\"compare-counts\" data-added=\"").Append(t.Added.Count).Append("\" data-retired=\"").Append(t.Retired.Count).Append("\" data-changed=\"").Append(t.Changed.Count).Append("\">")
                .Append(E(Words.Count(t.Added.Count, "touchpoint"))).Append(" added, ").Append(t.Retired.Count).Append(" retired, ").Append(t.Changed.Count).Append(" changed");
            if (t.VerifiedAgain > 0) html.Append("; ").Append(t.VerifiedAgain).Append(" only verified again");
            html.Append(".</p>");
            Lines(html, "added", "Added", t.Added.Select(l => (l, (string?)null)).ToList());
            Lines(html, "retired", "Retired or deleted", t.Retired.Select(l => (l, (string?)null)).ToList());
            Lines(html, "changed", "Changed", t.Changed.Select(ch => (ch.Touchpoint, (string?)string.Join("; ", ch.Fields))).ToList());
        }
        else
        {
            html.Append("<p class=\"figures-only\">Touchpoint details were not kept for ").Append(E(c.ThenLabel))
                .Append(": snapshots then held figures only, so this compares stage by stage.</p>");
        }
        html.Append("<div class=\"scroll\"><table class=\"fallback stage-changes\"><caption>By stage</caption><thead><tr><th scope=\"col\">Stage</th>")
            .Append("<th scope=\"col\">Touchpoints then → now</th><th scope=\"col\">Average emotion then → now</th></tr></thead><tbody>");
        foreach (var s in c.Stages)
        {
            html.Append("<tr><th scope=\"row\">").Append(E(s.StageName)).Append("</th><td>").Append(s.TouchpointsThen).Append(" → ").Append(s.TouchpointsNow)
                .Append("</td><td>").Append(s.EmotionThen is { } a ? Signed(a) : "–").Append(" → ").Append(s.EmotionNow is { } b ? Signed(b) : "–").Append("</td></tr>");
        }
        html.Append("</tbody></table></div><h3>Map health</h3><ul class=\"health-changes\">");
        foreach (var h in c.Health.Where(h => h.Then != h.Now))
        {
            html.Append("<li>").Append(E(h.Title)).Append(": ").Append(Status(h.Then)).Append(" → ").Append(Status(h.Now)).Append("</li>");
        }
        if (c.Health.All(h => h.Then == h.Now)) html.Append("<li>No health check changed.</li>");
        html.Append("</ul></section>");
    }

    private static void Lines(StringBuilder html, string kind, string title, IReadOnlyList<(TouchpointLine Line, string? Fields)> items)
    {
        if (items.Count == 0) return;
        html.Append("<details class=\"compare-list\" data-kind=\"").Append(kind).Append("\"").Append(items.Count <= 10 ? " open" : "").Append("><summary>").Append(title).Append(" (").Append(items.Count).Append(")</summary><ul>");
        foreach (var (line, fields) in items.Take(ShownPerList))
        {
            html.Append("<li data-touchpoint=\"").Append(E(line.Id)).Append("\"><strong>").Append(E(line.CustomerAction)).Append("</strong> <span class=\"meta\">")
                .Append(E(line.StageName)).Append(" · ").Append(E(line.DepartmentName)).Append("</span>");
            if (fields is not null) html.Append("<br><span class=\"fields\">").Append(E(fields)).Append("</span>");
            html.Append("</li>");
        }
        if (items.Count > ShownPerList) html.Append("<li class=\"meta\">and ").Append(items.Count - ShownPerList).Append(" more, not listed here</li>");
        html.Append("</ul></details>");
    }

    private static string Status(HealthStatus? status) => status switch
    {
        HealthStatus.Ok => "OK",
        HealthStatus.Warn => "watch",
        HealthStatus.Fail => "fail",
        HealthStatus.NotJudged => "not judged yet",
        null => "not checked",
    };
}
