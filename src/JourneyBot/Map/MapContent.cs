using System.Text;
using JourneyBot.Domain;
using JourneyBot.Health;
using JourneyBot.Touchpoints;
using JourneyBot.Programs;
using static JourneyBot.Map.Html;

namespace JourneyBot.Map;

// The map itself, as an HTML fragment: the same markup whether the server sends a whole page (local development,
// print) or the tab's script fetches it with a Teams SSO token.
public static class MapContent
{
    public static string Build(MapView view, MapLinks? links = null)
    {
        var html = new StringBuilder(16_384 + view.Shown * 1_200);
        Write(html, view, links);
        return html.ToString();
    }

    // links: where a charter check's link opens the chat with JourneyBot; without them the command is named.
    // canImport: the viewer is an owner, who may import figures from a file (not on a snapshot of the past).
    public static void Write(StringBuilder html, MapView view, MapLinks? links = null, bool canImport = false)
    {
        var basePath = "/map/" + Uri.EscapeDataString(view.ProgramId);
        html.Append("<header class=\"map-head\"><h1>").Append(E(view.ProgramName)).Append("</h1><p class=\"no-print\"><a href=\"/map/?choose=1\">Other programs</a></p><p class=\"summary\" id=\"summary\" data-shown=\"").Append(view.Shown)
            .Append("\" data-active=\"").Append(view.ActiveTouchpoints).Append("\">")
            .Append(view.Filter.IsEmpty ? E(Words.Count(view.ActiveTouchpoints, "active touchpoint")) : $"{view.Shown} of {E(Words.Count(view.ActiveTouchpoints, "active touchpoint"))} match the filter")
            .Append(view.AsItWas is null ? " · as of " : " · as it was on ").Append(Date(view.AsOf)).Append("</p>");
        if (view.AsItWas is { } then)
        {
            html.Append("<p class=\"as-it-was\" id=\"as-it-was\" data-snapshot=\"").Append(E(then.Id)).Append("\"><strong>The map as it was on ").Append(Date(then.TakenOn)).Append("</strong> (")
                .Append(E(then.Label)).Append("), not as it is now. <a class=\"back-to-now no-print\" href=\"").Append(E(basePath + (view.Filter with { At = null }).ToQuery()))
                .Append("\">Back to the map now</a></p>");
        }
        html.Append("</header>");
        Filters(html, view, basePath);
        Exports(html, view, basePath);
        html.Append("<div class=\"map-body\"><div class=\"map-main\">");
        if (view.Comparison is { } comparison) SnapshotCompareHtml.Write(html, comparison);
        EmotionCurve.Write(html, view);
        TrendChart.Write(html, view);
        if (canImport && view.AsItWas is null && view.Trends.Count > 0) ReadingUploadHtml.Form(html, basePath);
        if (view.Filter.Layout == MapLayout.Departments) DepartmentSwimlanes.Write(html, view);
        else StageLanes.Write(html, view);
        html.Append("</div>");
        HealthPanel.Write(html, view.Health, focus => basePath + Focus(view.Filter, focus), command => links?.ChatWithBot(command)?.AbsoluteUri);
        html.Append("</div>");
    }

    // The view of the map a health check is about.
    public static string Focus(MapFilter current, MapFocus focus) => focus switch
    {
        MapFocus.Assumptions => (current with { Evidence = EvidenceFilter.Assumption }).ToQuery(),
        MapFocus.Unverified => (current with { StaleOnly = true }).ToQuery(),
        MapFocus.PainPoints => (current with { PainOnly = true }).ToQuery() + "#lane-pain",
        MapFocus.Departments => (current with { Layout = MapLayout.Departments }).ToQuery() + "#lanes",
        MapFocus.EmotionCurve => current.ToQuery() + "#curve",
        MapFocus.Backstage => current.ToQuery() + "#lane-backstage",
        MapFocus.Touchpoints => current.ToQuery() + "#lane-touchpoints",
        MapFocus.Trends => current.ToQuery() + "#trends",
    };

    private static void Filters(StringBuilder html, MapView view, string basePath)
    {
        var f = view.Filter;
        html.Append("<form id=\"filters\" class=\"filters no-print\" method=\"get\" action=\"").Append(E(basePath)).Append("\" aria-label=\"Filters\">");
        Select(html, "view", "View", [("", "Stages"), ("departments", "Departments as swimlanes")], f.Layout == MapLayout.Departments ? "departments" : "");
        Select(html, "persona", "Persona", [("", "All personas"), .. view.Personas.Select(p => (p.Id, p.Name))], f.PersonaId ?? "");
        Select(html, "department", "Department", [("", "All departments"), .. view.Departments.Select(d => (d.Id, d.Name))], f.DepartmentId ?? "");
        Select(html, "channel", "Channel", [("", "All channels"), .. Enum.GetValues<TouchpointChannel>().Select(c => (Camel(c), TouchpointCards.ChannelName(c)))], f.Channel is { } ch ? Camel(ch) : "");
        Select(html, "evidence", "Evidence", [("", "Any evidence"), ("assumption", "Assumptions"), ("data", "Backed by data")],
            f.Evidence switch { EvidenceFilter.Assumption => "assumption", EvidenceFilter.Data => "data", _ => "" });
        if (view.Snapshots.Any(s => s.HasMap))
        {
            Select(html, "at", "Map as it was", [("", "Now"), .. view.Snapshots.Where(s => s.HasMap).Select(s => (s.Id, s.Label))], view.AsItWas?.Id ?? "");
        }
        if (view.Snapshots.Count > 0)
        {
            Select(html, "since", "Compare with", [("", "Nothing"), .. view.Snapshots.Select(s => (s.Id, s.HasMap ? s.Label : s.Label + " (figures only)"))], f.Since ?? "");
        }
        Check(html, "stale", "Stale only", f.StaleOnly);
        Check(html, "pain", "With pain points only", f.PainOnly);
        html.Append("<button type=\"submit\">Apply</button> <a href=\"").Append(E(basePath)).Append("\" class=\"reset\">Clear filters</a></form>");
    }

    private static void Exports(StringBuilder html, MapView view, string basePath)
    {
        var query = view.Filter.ToQuery();
        html.Append("<nav class=\"exports no-print\" aria-label=\"Exports\"><span>Export:</span> ");
        html.Append("<a data-export=\"map.svg\" href=\"").Append(E(basePath + "/export/map.svg" + query)).Append("\" download>SVG</a> ");
        html.Append("<button type=\"button\" class=\"js-only\" data-png=\"").Append(E(basePath + "/export/map.svg" + query)).Append("\">PNG</button> ");
        html.Append("<button type=\"button\" class=\"js-only\" data-print>PDF (print)</button> ");
        // Viewing a snapshot: the CSVs are of that day's map; the JSON stays the whole program now, and says so.
        var at = view.Filter.At is { } snapshot ? "?at=" + Uri.EscapeDataString(snapshot) : "";
        html.Append("<a data-export=\"touchpoints.csv\" href=\"").Append(E(basePath + "/export/touchpoints.csv" + at)).Append("\" download>Touchpoints CSV</a> ");
        html.Append("<a data-export=\"actions.csv\" href=\"").Append(E(basePath + "/export/actions.csv" + at)).Append("\" download>Actions CSV</a> ");
        html.Append("<a data-export=\"program.json\" href=\"").Append(E(basePath + "/export/program.json")).Append("\" download>").Append(at.Length > 0 ? "JSON (the program now)" : "JSON").Append("</a></nav>");
    }

    private static void Select(StringBuilder html, string name, string label, IEnumerable<(string Value, string Text)> options, string selected)
    {
        html.Append("<label>").Append(label).Append(" <select name=\"").Append(name).Append("\">");
        foreach (var (value, text) in options)
        {
            html.Append("<option value=\"").Append(E(value)).Append('"').Append(value == selected ? " selected" : "").Append('>').Append(E(text)).Append("</option>");
        }
        html.Append("</select></label> ");
    }

    private static void Check(StringBuilder html, string name, string label, bool on) =>
        html.Append("<label><input type=\"checkbox\" name=\"").Append(name).Append("\" value=\"1\"").Append(on ? " checked" : "").Append("> ").Append(label).Append("</label> ");

    private static string Camel(TouchpointChannel c) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(c.ToString());
}
