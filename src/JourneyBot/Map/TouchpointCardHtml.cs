using System.Text;
using JourneyBot.Domain;
using JourneyBot.Touchpoints;
using static JourneyBot.Map.Html;

namespace JourneyBot.Map;

// A touchpoint as a small card: what the customer does, then channel, department, personas, evidence, when it was
// last verified and whether that is stale. Focusable, so every touchpoint is reachable by keyboard.
internal static class TouchpointCardHtml
{
    public static string EvidenceName(Evidence evidence) => evidence switch
    {
        Evidence.CustomerInterview => "Customer interview",
        Evidence.SurveyOrNps => "Survey / NPS",
        Evidence.Analytics => "Analytics",
        Evidence.SupportTickets => "Support tickets",
        Evidence.EmployeeObservation => "Employee observation",
        _ => "Assumption",
    };

    public static void Write(StringBuilder html, TouchpointCard t, bool compact = false)
    {
        html.Append("<li><article class=\"tp").Append(t.Stale ? " stale" : "").Append("\" id=\"tp-").Append(E(t.Id))
            .Append("\" tabindex=\"0\" data-touchpoint=\"").Append(E(t.Id)).Append("\" data-stage=\"").Append(E(t.StageId))
            .Append("\" data-department=\"").Append(E(t.DepartmentId)).Append("\" aria-labelledby=\"tp-").Append(E(t.Id)).Append("-t\">");
        html.Append("<h4 id=\"tp-").Append(E(t.Id)).Append("-t\">").Append(E(t.CustomerAction)).Append("</h4>");
        html.Append("<p class=\"meta\">").Append(E(TouchpointCards.ChannelName(t.Channel))).Append(" · ").Append(E(t.DepartmentName));
        if (t.PersonaNames.Count > 0) html.Append(" · ").Append(E(string.Join(", ", t.PersonaNames)));
        html.Append("</p>");
        if (compact)
        {
            html.Append("</article></li>");
            return;
        }
        html.Append("<p class=\"badges\">");
        html.Append(t.Evidence == Evidence.Assumption
            ? "<span class=\"badge assumption\">Assumption</span>"
            : $"<span class=\"badge data\">Data: {E(EvidenceName(t.Evidence))}</span>");
        if (t.Emotion is { } emotion) html.Append("<span class=\"badge emotion\">Emotion ").Append(Signed(emotion)).Append("</span>");
        html.Append("<span class=\"badge verified\">Verified ").Append(Date(t.LastVerifiedOn)).Append("</span>");
        if (t.Stale) html.Append("<span class=\"badge stale\">Stale</span>");
        if (t.LooksLikeId is { } other)
        {
            html.Append("<a class=\"badge lookalike\" href=\"#tp-").Append(E(other)).Append("\">Looks like a contact another department makes</a>");
        }
        html.Append("</p>");
        if (t.Verbatim is { Length: > 0 } verbatim) html.Append("<blockquote>").Append(E(verbatim)).Append("</blockquote>");
        html.Append("</article></li>");
    }
}
