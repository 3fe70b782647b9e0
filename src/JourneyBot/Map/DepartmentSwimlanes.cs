using System.Text;
using static JourneyBot.Map.Html;

namespace JourneyBot.Map;

// Departments as swimlanes: each stage x department cell holds its touchpoints; an empty cell says so, because
// the gaps are what a cross-department map is for.
internal static class DepartmentSwimlanes
{
    public static void Write(StringBuilder html, MapView view)
    {
        html.Append("<section id=\"lanes\" aria-labelledby=\"lanes-h\"><h2 id=\"lanes-h\">Journey by department</h2><div class=\"scroll\"><table class=\"lanes swim\"><thead><tr><td></td>");
        foreach (var stage in view.Stages)
        {
            html.Append("<th scope=\"col\" data-stage=\"").Append(E(stage.Id)).Append("\" data-count=\"").Append(stage.Touchpoints.Count).Append("\">")
                .Append(E(stage.Name)).Append(" <span class=\"count\">(").Append(stage.Touchpoints.Count).Append(")</span></th>");
        }
        html.Append("</tr></thead><tbody>");
        var departments = view.Filter.DepartmentId is { } only ? view.Departments.Where(d => d.Id == only).ToList() : view.Departments;
        foreach (var department in departments)
        {
            html.Append("<tr data-department=\"").Append(E(department.Id)).Append("\"><th scope=\"row\">").Append(E(department.Name)).Append("</th>");
            foreach (var stage in view.Stages)
            {
                var cell = stage.Touchpoints.Where(t => t.DepartmentId == department.Id).ToList();
                html.Append("<td data-stage=\"").Append(E(stage.Id)).Append("\" data-department=\"").Append(E(department.Id)).Append("\" data-count=\"").Append(cell.Count).Append('"')
                    .Append(cell.Count == 0 ? " class=\"empty-cell\">" : ">");
                if (cell.Count == 0)
                {
                    html.Append("<p class=\"empty\">No touchpoint</p></td>");
                    continue;
                }
                html.Append("<ul>");
                foreach (var t in cell.Take(StageLanes.ShownPerCell)) TouchpointCardHtml.Write(html, t, compact: true);
                html.Append("</ul>");
                if (cell.Count > StageLanes.ShownPerCell)
                {
                    html.Append("<details class=\"more\"><summary>").Append(cell.Count - StageLanes.ShownPerCell).Append(" more</summary><ul>");
                    foreach (var t in cell.Skip(StageLanes.ShownPerCell)) TouchpointCardHtml.Write(html, t, compact: true);
                    html.Append("</ul></details>");
                }
                html.Append("</td>");
            }
            html.Append("</tr>");
        }
        html.Append("</tbody></table></div></section>");
    }
}
