using System.Globalization;
using System.Text;
using JourneyBot.Domain;
using JourneyBot.Reviews;
using JourneyBot.Touchpoints;
using static JourneyBot.Map.Html;

namespace JourneyBot.Meetings;

// What the side panel says after an action: a notice, the touchpoint just retired (for its undo), a proposal
// kept as typed when it could not be saved.
public sealed record PanelNotice(string? Text, StoredTouchpoint? Retired = null, string? ProposalFor = null,
    string? ProposalTyped = null, bool Problem = false);

// The meeting's pages, server-rendered like the map: the side panel (each attendee's review walk-through, the
// owner's view of everyone's progress) and the stage (the progress everyone sees). Typed text goes through E.
internal static class MeetingPages
{
    // versions: each touchpoint's stored version, carried by its buttons so the server acts on what was shown.
    public static string Panel(JourneyProgram program, ReviewScope? scope, bool isOwner, MeetingProgress progress,
        DateOnly startedOn, PanelNotice? notice, IReadOnlyDictionary<string, string> versions)
    {
        var html = new StringBuilder(4096);
        html.Append("<section class=\"meeting panel\" data-program=\"").Append(E(program.Id)).Append("\">")
            .Append("<h1>Review: ").Append(E(program.Charter.Name)).Append("</h1>");
        Summary(html, progress, "panel-summary");
        if (notice?.Text is { } text)
        {
            html.Append("<p class=\"notice").Append(notice.Problem ? " problem" : "").Append("\" role=\"status\">")
                .Append(E(text)).Append("</p>");
        }
        if (notice?.Retired is { } retired)
        {
            html.Append("<div class=\"notice retired\"><p>Retired: ")
                .Append(E(Where(program.Charter, retired.Touchpoint)))
                .Append(". It is no longer on the map.</p><button type=\"button\" data-act=\"undo\" data-touchpoint=\"")
                .Append(E(retired.Touchpoint.Id)).Append("\" data-version=\"").Append(E(retired.ETag.ToString()))
                .Append("\">Undo retire</button></div>");
        }
        if (isOwner)
        {
            html.Append("<div class=\"owner-tools\"><button type=\"button\" data-share>Share to stage</button>")
                .Append("<button type=\"button\" data-act=\"complete\" class=\"positive\">Complete the review</button>")
                .Append("</div>");
        }
        if (scope is null)
        {
            html.Append("<p>You follow this review: the owners and each department's contacts verify its touchpoints.")
                .Append("</p>");
        }
        else
        {
            var mine = scope.Select(program);
            html.Append("<h2>").Append(isOwner ? "All touchpoints" : "Your departments' touchpoints").Append(" (")
                .Append(mine.Count).Append(")</h2>");
            if (mine.Count == 0) html.Append("<p>There are no touchpoints to review here yet.</p>");
            html.Append("<ul class=\"review-list\">");
            foreach (var t in mine) Item(html, program, t, versions.GetValueOrDefault(t.Id, ""), startedOn, notice);
            html.Append("</ul>");
        }
        if (isOwner) Everyone(html, progress, program);
        return html.Append("</section>").ToString();
    }

    public static string Stage(JourneyProgram program, MeetingProgress progress, DateOnly startedOn, bool ended)
    {
        var html = new StringBuilder(4096);
        html.Append("<section class=\"meeting stage\" data-program=\"").Append(E(program.Id)).Append("\">")
            .Append("<h1>").Append(E(program.Charter.Name)).Append(": the review together</h1>");
        if (ended)
        {
            html.Append("<p class=\"notice\" role=\"status\">The review was completed. Thank you for taking part.</p>");
        }
        Summary(html, progress, "stage-summary");
        Everyone(html, progress, program);
        html.Append("<h2>The map, stage by stage</h2><div class=\"stage-lanes\">");
        var active = program.ActiveTouchpoints().ToList();
        foreach (var stage in program.Charter.Stages)
        {
            var here = active.Where(t => t.StageId == stage.Id).ToList();
            html.Append("<section class=\"lane\" data-stage=\"").Append(E(stage.Id)).Append("\"><h3>")
                .Append(E(stage.Name))
                .Append(" <span class=\"count\">").Append(here.Count(t => MeetingProgress.IsVerified(t, startedOn)))
                .Append(" of ").Append(here.Count).Append(" verified</span></h3><ul>");
            foreach (var t in here)
            {
                var verified = MeetingProgress.IsVerified(t, startedOn);
                html.Append("<li class=\"tp-stage").Append(verified ? " verified" : "").Append("\" data-touchpoint=\"")
                    .Append(E(t.Id)).Append("\"><span class=\"mark\">").Append(verified ? "Verified" : "To verify")
                    .Append("</span> ").Append(E(Shorten(t.CustomerAction, 140))).Append("</li>");
            }
            html.Append("</ul></section>");
        }
        return html.Append("</div></section>").ToString();
    }

    private static void Summary(StringBuilder html, MeetingProgress progress, string id) =>
        html.Append("<p class=\"summary\" id=\"").Append(id).Append("\" data-verified=\"").Append(progress.Verified)
            .Append("\" data-active=\"").Append(progress.Active).Append("\">").Append(progress.Verified).Append(" of ")
            .Append(progress.Active).Append(" touchpoints verified in this review</p>");

    private static void Item(StringBuilder html, JourneyProgram program, Touchpoint t, string version,
        DateOnly startedOn, PanelNotice? notice)
    {
        var id = E(t.Id);
        var seen = E(version);
        var verified = MeetingProgress.IsVerified(t, startedOn);
        html.Append("<li class=\"tp-review\" data-touchpoint=\"").Append(id).Append("\" data-verified=\"")
            .Append(verified ? "true" : "false").Append("\"><h3>").Append(E(Where(program.Charter, t)))
            .Append("</h3><p>")
            .Append(E(Shorten(t.CustomerAction, 300))).Append("</p>");
        if (t.HasPainPoints())
        {
            html.Append("<p class=\"pain\">Pain: ").Append(E(Shorten(t.PainText(), 200))).Append("</p>");
        }
        html.Append("<p class=\"status\">").Append(Status(t, startedOn)).Append("</p><div class=\"buttons\">");
        if (!verified)
        {
            html.Append("<button type=\"button\" class=\"positive\" data-act=\"verify\" data-touchpoint=\"").Append(id)
                .Append("\" data-version=\"").Append(seen).Append("\">Mark verified: still right</button>");
        }
        var typing = notice?.ProposalFor == t.Id;
        html.Append("<details").Append(typing ? " open" : "").Append("><summary>Propose a change or retire</summary>")
            .Append("<form class=\"propose\" data-touchpoint=\"").Append(id).Append("\" data-version=\"").Append(seen)
            .Append("\"><label for=\"propose-").Append(id).Append("\">What should change?</label>")
            .Append("<textarea id=\"propose-")
            .Append(id).Append("\" name=\"text\" rows=\"3\">").Append(typing ? E(notice!.ProposalTyped) : "")
            .Append("</textarea><button type=\"submit\">Propose the change</button></form>")
            .Append("<button type=\"button\" class=\"destructive\" data-act=\"retire\" data-touchpoint=\"").Append(id)
            .Append("\" data-version=\"").Append(seen).Append("\">Retire: it no longer happens</button>")
            .Append("</details></div></li>");
    }

    // Everyone's progress: per department and per person, and the changes proposed.
    private static void Everyone(StringBuilder html, MeetingProgress progress, JourneyProgram program)
    {
        html.Append("<h2>Progress per department</h2><table class=\"progress\"><thead><tr>")
            .Append("<th scope=\"col\">Department</th>")
            .Append("<th scope=\"col\">Verified</th></tr></thead><tbody>");
        foreach (var d in progress.Departments)
        {
            html.Append("<tr data-department=\"").Append(E(d.Id)).Append("\" data-verified=\"").Append(d.Verified)
                .Append("\"><th scope=\"row\">").Append(E(d.Name)).Append("</th><td>").Append(d.Verified).Append(" of ")
                .Append(d.Active).Append(" <progress max=\"").Append(Math.Max(d.Active, 1)).Append("\" value=\"")
                .Append(d.Verified)
                .Append("\" aria-label=\"").Append(E(d.Name)).Append(" verified\"></progress></td></tr>");
        }
        html.Append("</tbody></table><h2>Who took part</h2>");
        if (progress.People.Count == 0) html.Append("<p>Nobody has opened the review in this meeting yet.</p>");
        else
        {
            html.Append("<ul class=\"people\">");
            foreach (var p in progress.People)
            {
                html.Append("<li data-person=\"").Append(E(p.Person.AadObjectId)).Append("\" data-verified=\"")
                    .Append(p.Verified)
                    .Append("\">").Append(E(p.Person.DisplayName)).Append(": ").Append(p.Verified).Append(" verified, ")
                    .Append(p.Retired).Append(" retired, ").Append(p.Proposed).Append(" proposed</li>");
            }
            html.Append("</ul>");
        }
        if (progress.Proposals.Count == 0) return;
        html.Append("<h2>Changes proposed</h2><ul class=\"proposals\">");
        foreach (var x in progress.Proposals)
        {
            var t = program.Touchpoints.FirstOrDefault(t => t.Id == x.TouchpointId);
            var where = t is null ? "A touchpoint no longer on the map" : Where(program.Charter, t);
            html.Append("<li><strong>").Append(E(where))
                .Append("</strong>: ").Append(E(x.Text)).Append(" <span class=\"by\">(").Append(E(x.By.DisplayName))
                .Append(")</span></li>");
        }
        html.Append("</ul>");
    }

    private static string Status(Touchpoint t, DateOnly startedOn) => t.LastVerifiedOn switch
    {
        { } v when v >= startedOn => "Verified in this review",
        { } v => "Last verified " + v.ToString("d MMM yyyy", CultureInfo.InvariantCulture),
        _ => "Never verified",
    };

    public static string Where(Charter charter, Touchpoint t)
    {
        var stage = charter.Stages.FirstOrDefault(s => s.Id == t.StageId)?.Name ?? t.StageId;
        var department = charter.Departments.FirstOrDefault(d => d.Id == t.DepartmentId)?.Name ?? t.DepartmentId;
        return $"{Shorten(stage, 40)} · {Shorten(department, 40)} · {TouchpointCards.ChannelName(t.Channel)}";
    }

    private static string Shorten(string text, int max) => JourneyBot.Cards.CardText.Shorten(text, max);
}
