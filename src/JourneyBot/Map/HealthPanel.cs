using System.Text;
using JourneyBot.Domain;
using static JourneyBot.Map.Html;

namespace JourneyBot.Map;

// Map health beside the map; each check that is about touchpoints links to the view that shows them.
public static class HealthPanel
{
    public static string? LinkFor(string checkId, MapFilter current) => checkId switch
    {
        "evidence" => (current with { Evidence = EvidenceFilter.Assumption }).ToQuery(),
        "freshness" => (current with { StaleOnly = true }).ToQuery(),
        "action-follow-through" or "overdue-actions" => (current with { PainOnly = true }).ToQuery() + "#lane-pain",
        "department-coverage" or "contributors" or "persona-coverage" => (current with { Layout = MapLayout.Departments }).ToQuery() + "#lanes",
        "emotion" => current.ToQuery() + "#curve",
        "employee-side" => current.ToQuery() + "#lane-backstage",
        "verbatims" => current.ToQuery() + "#lane-touchpoints",
        _ => null,
    };

    public static void Write(StringBuilder html, MapView view, string basePath)
    {
        html.Append("<aside id=\"health\" aria-labelledby=\"health-h\"><h2 id=\"health-h\">Map health</h2><ul>");
        foreach (var check in view.Health)
        {
            var status = check.Status switch { HealthStatus.Ok => "ok", HealthStatus.Warn => "watch", _ => "fail" };
            html.Append("<li class=\"check ").Append(status).Append("\" data-check=\"").Append(E(check.Id)).Append("\"><span class=\"status\">")
                .Append(status.ToUpperInvariant()).Append("</span> ");
            if (LinkFor(check.Id, view.Filter) is { } link)
            {
                var href = basePath + link;
                html.Append("<a class=\"check-link\" href=\"").Append(E(href)).Append("\">").Append(E(check.Title)).Append("</a>");
            }
            else html.Append("<span class=\"check-title\">").Append(E(check.Title)).Append("</span>");
            html.Append(": ").Append(E(check.Figure)).Append("<br><span class=\"next\">").Append(E(check.NextStep)).Append("</span></li>");
        }
        html.Append("</ul></aside>");
    }
}
