using System.Text;
using static JourneyBot.Map.Html;

namespace JourneyBot.Map;

// Whole pages around the map: a server-rendered page (local development), the Teams shell that fetches the
// content with an SSO token, and the page a plain browser gets.
internal static class MapDocument
{
    public static string Page(string title, string body, string mode, string? contentUrl = null) =>
        Page(title, mode, html => html.Append(body), new StringBuilder(body.Length + 1024), contentUrl).ToString();

    // The page around a body written straight into the same buffer (the map: megabytes for a large program).
    public static StringBuilder Page(string title, string mode, Action<StringBuilder> body, StringBuilder? into = null, string? contentUrl = null)
    {
        var html = into ?? Streamed();
        html.Append("<!doctype html><html lang=\"en\" data-theme=\"default\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(E(title)).Append("</title><link rel=\"stylesheet\" href=\"/map/assets/map.css\">");
        if (mode == "teams") html.Append("<script src=\"/lib/teams-js/MicrosoftTeams.min.js\" defer></script>");
        if (mode == "teams") html.Append("<script src=\"/map/assets/meeting.js\" defer></script>");
        html.Append("<script src=\"/map/assets/tab.js\" defer></script></head><body data-mode=\"").Append(mode).Append('"');
        if (contentUrl is not null) html.Append(" data-content=\"").Append(E(contentUrl)).Append('"');
        html.Append("><main id=\"map-root\" aria-live=\"polite\">");
        body(html);
        return html.Append("</main></body></html>");
    }

    // For pages sent with HtmlResult: a builder left to grow in its own pieces (at most 8,000 chars each) never
    // copies what it holds and keeps a large map out of the large-object heap; the pieces go out as they are.
    public static StringBuilder Streamed() => new();

    public static string Shell(string title, string contentUrl) =>
        Page(title, "<p class=\"loading\">Signing you in and loading the map…</p><noscript><p>The map needs script inside Teams to sign you in.</p></noscript>", "teams", contentUrl);

    public static string OpenInTeams() =>
        Page("Open JourneyBot's map in Teams", "<h1>Open this map in Microsoft Teams</h1><p>The journey map signs you in through Teams. Open the JourneyBot app in Teams and choose the <strong>Map</strong> tab, or use the link on a JourneyBot card.</p>", "plain");

    public static string NotFound() =>
        "<h1>Map not found</h1><p>That program does not exist, or you are not part of it. An owner adds people to a program in chat.</p>";

    public static string Programs(IReadOnlyList<(string Id, string Name)> programs, bool configure)
    {
        var html = new StringBuilder("<h1>Which program's map?</h1>");
        if (programs.Count == 0)
        {
            return html.Append("<p>You are not part of any journey-mapping program yet. A program owner adds you as a department contact, owner or sponsor.</p>").ToString();
        }
        html.Append("<ul class=\"programs\">");
        foreach (var (id, name) in programs)
        {
            html.Append("<li><a class=\"program\" data-program=\"").Append(E(id)).Append("\" data-name=\"").Append(E(name)).Append("\" href=\"/map/").Append(E(Uri.EscapeDataString(id))).Append("\">")
                .Append(E(name)).Append("</a></li>");
        }
        html.Append("</ul>");
        if (configure) html.Append("<p id=\"chosen\" role=\"status\"></p>");
        return html.ToString();
    }
}
