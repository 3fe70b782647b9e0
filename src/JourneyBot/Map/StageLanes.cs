using System.Text;
using JourneyBot.Domain;
using static JourneyBot.Map.Html;

namespace JourneyBot.Map;

// Stages across, lanes down: touchpoints, pain points with their actions, backstage. Long cells show a few cards
// and fold the rest behind a count, so a 2,000-touchpoint program stays readable.
internal static class StageLanes
{
    public const int ShownPerCell = 6;

    public static void Write(StringBuilder html, MapView view)
    {
        html.Append("<section id=\"lanes\" aria-labelledby=\"lanes-h\"><h2 id=\"lanes-h\">Journey by stage</h2><div class=\"scroll\"><table class=\"lanes\"><thead><tr><td></td>");
        foreach (var stage in view.Stages)
        {
            html.Append("<th scope=\"col\" id=\"stage-").Append(E(stage.Id)).Append("\" data-stage=\"").Append(E(stage.Id)).Append("\" data-count=\"").Append(stage.Touchpoints.Count).Append("\">")
                .Append(E(stage.Name)).Append(" <span class=\"count\">(").Append(stage.Touchpoints.Count).Append(")</span>");
            if (stage.IsHandOff)
            {
                html.Append("<span class=\"handoff\">Hand-off: ").Append(E(Words.Count(stage.Departments, "department"))).Append(", ")
                    .Append(E(Words.Count(stage.Channels, "channel"))).Append("</span>");
            }
            html.Append("</th>");
        }
        html.Append("</tr></thead><tbody>");

        Row(html, view, "touchpoints", "Touchpoints", s => s.Touchpoints, (b, t) => TouchpointCardHtml.Write(b, t));
        Row(html, view, "pain", "Pain points and actions", s => s.Touchpoints.Where(t => t.PainPoints is not null).ToList(), PainItem);
        Row(html, view, "backstage", "Backstage", s => s.Touchpoints.Where(t => t.Backstage is not null).ToList(), BackstageItem);
        html.Append("</tbody></table></div></section>");
    }

    private static void Row(StringBuilder html, MapView view, string lane, string title, Func<StageColumn, IReadOnlyList<TouchpointCard>> pick, Action<StringBuilder, TouchpointCard> item)
    {
        html.Append("<tr id=\"lane-").Append(lane).Append("\"><th scope=\"row\">").Append(title).Append("</th>");
        foreach (var stage in view.Stages)
        {
            var items = pick(stage);
            html.Append("<td data-lane=\"").Append(lane).Append("\" data-stage=\"").Append(E(stage.Id)).Append("\" data-count=\"").Append(items.Count).Append("\">");
            if (items.Count == 0) html.Append("<p class=\"empty\">None</p>");
            else
            {
                html.Append("<ul>");
                foreach (var t in items.Take(ShownPerCell)) item(html, t);
                html.Append("</ul>");
                if (items.Count > ShownPerCell)
                {
                    html.Append("<details class=\"more\"><summary>").Append(items.Count - ShownPerCell).Append(" more</summary><ul>");
                    foreach (var t in items.Skip(ShownPerCell)) item(html, t);
                    html.Append("</ul></details>");
                }
            }
            html.Append("</td>");
        }
        html.Append("</tr>");
    }

    private static void PainItem(StringBuilder html, TouchpointCard t)
    {
        html.Append("<li class=\"pain").Append(t.CriticalPain ? " critical" : "").Append("\"><a href=\"#tp-").Append(E(t.Id)).Append("\">");
        if (t.CriticalPain) html.Append("<strong>Critical:</strong> ");
        html.Append(E(t.PainPoints)).Append("</a>");
        if (t.Actions.Count == 0) html.Append("<p class=\"no-action\">No action yet</p>");
        else
        {
            html.Append("<ul class=\"actions\">");
            foreach (var a in t.Actions)
            {
                html.Append("<li class=\"action ").Append(a.Status.ToString().ToLowerInvariant()).Append(a.Overdue ? " overdue" : "").Append("\" data-action=\"").Append(E(a.Id)).Append("\">")
                    .Append(E(a.Title)).Append(" <span class=\"meta\">").Append(E(a.Owner)).Append(" · due ").Append(Date(a.DueOn)).Append(" · ").Append(StatusName(a.Status))
                    .Append(a.Overdue ? " · overdue" : "").Append(a.Impact is null ? "" : " · " + E(a.Impact)).Append("</span></li>");
            }
            html.Append("</ul>");
        }
        html.Append("</li>");
    }

    private static void BackstageItem(StringBuilder html, TouchpointCard t)
    {
        var b = t.Backstage!;
        html.Append("<li class=\"backstage\"><a href=\"#tp-").Append(E(t.Id)).Append("\">").Append(E(t.CustomerAction.Length > 40 ? t.CustomerAction[..39] + "…" : t.CustomerAction)).Append("</a><dl>");
        if (!string.IsNullOrWhiteSpace(b.DeliveredBy)) html.Append("<dt>Delivered by</dt><dd>").Append(E(b.DeliveredBy)).Append("</dd>");
        if (!string.IsNullOrWhiteSpace(b.SystemOrProcess)) html.Append("<dt>System</dt><dd>").Append(E(b.SystemOrProcess)).Append("</dd>");
        if (!string.IsNullOrWhiteSpace(b.EmployeePain)) html.Append("<dt>Employee pain</dt><dd>").Append(E(b.EmployeePain)).Append("</dd>");
        html.Append("</dl></li>");
    }

    public static string StatusName(ActionStatus status) => status switch
    {
        ActionStatus.InProgress => "in progress",
        ActionStatus.Done => "done",
        ActionStatus.Dropped => "dropped",
        _ => "open",
    };
}
