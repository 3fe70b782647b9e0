using System.Net;
using System.Text;
using JourneyBot.Domain;

namespace JourneyBot.Health;

// The part of the map tab a check is about: touchpoints a filter shows, or a section of the page.
public enum MapFocus { Assumptions, Unverified, PainPoints, Departments, EmotionCurve, Backstage, Touchpoints, Trends }

// Map health beside the map. Each check links to what it is about: a check about touchpoints to the view that shows
// them (the map draws the link), a check about the charter to the chat with JourneyBot, its command typed.
public static class HealthPanel
{
    public static MapFocus? FocusOf(HealthCheckId check) => check switch
    {
        HealthCheckId.Evidence => MapFocus.Assumptions,
        HealthCheckId.Stale => MapFocus.Unverified,
        HealthCheckId.Actions or HealthCheckId.OverdueActions => MapFocus.PainPoints,
        HealthCheckId.Silo or HealthCheckId.Contributors => MapFocus.Departments,
        HealthCheckId.Emotion or HealthCheckId.Personas => MapFocus.EmotionCurve,
        HealthCheckId.EmployeeSide => MapFocus.Backstage,
        HealthCheckId.Verbatims => MapFocus.Touchpoints,
        HealthCheckId.MetricsRead => MapFocus.Trends,
        HealthCheckId.Objective or HealthCheckId.OutcomeMetrics or HealthCheckId.OutputHeavy or HealthCheckId.Resources
            or HealthCheckId.Sponsor or HealthCheckId.SponsorEngagement or HealthCheckId.Scope => null,
    };

    // view: the map's link to a focus; chat: a link that opens the chat with JourneyBot with a command typed (null
    // when the app's id is not known, then the command is named instead).
    public static string? LinkFor(HealthCheck check, Func<MapFocus, string> view, Func<string, string?> chat) =>
        FocusOf(check.Id) is { } focus ? view(focus) : check.Command is { } command ? chat(command.Typed()) : null;

    public static void Write(StringBuilder html, IReadOnlyList<HealthCheck> checks, Func<MapFocus, string> view,
        Func<string, string?> chat)
    {
        html.Append("<aside id=\"health\" aria-labelledby=\"health-h\"><h2 id=\"health-h\">Map health</h2><ul>");
        foreach (var check in checks)
        {
            var (status, label) = check.Status switch
            {
                HealthStatus.Ok => ("ok", "OK"),
                HealthStatus.Warn => ("watch", "WATCH"),
                HealthStatus.Fail => ("fail", "FAIL"),
                HealthStatus.NotJudged => ("not-judged", "NOT JUDGED YET"),
            };
            html.Append("<li class=\"check ").Append(status).Append("\" data-check=\"").Append(E(check.Id.Name()))
                .Append("\"><span class=\"status\">").Append(label).Append("</span> ");
            var toChat = FocusOf(check.Id) is null;
            if (LinkFor(check, view, chat) is { } href)
            {
                html.Append("<a class=\"check-link\" href=\"").Append(E(href)).Append('"');
                // The chat opens in Teams, outside the tab's frame.
                if (toChat) html.Append(" target=\"_blank\" rel=\"noopener\"");
                html.Append('>').Append(E(check.Title)).Append("</a>");
            }
            else html.Append("<span class=\"check-title\">").Append(E(check.Title)).Append("</span>");
            html.Append(": ").Append(E(check.Figure)).Append("<br><span class=\"next\">").Append(E(check.NextStep));
            if (toChat && check.Command is { } command) html.Append(" (in chat: ").Append(E(command.Typed()))
                .Append(')');
            html.Append("</span></li>");
        }
        html.Append("</ul></aside>");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
