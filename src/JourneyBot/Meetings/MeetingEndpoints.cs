using System.Text;
using System.Text.Json;
using JourneyBot.Domain;
using JourneyBot.Map;
using JourneyBot.Programs;
using JourneyBot.Reviews;
using Microsoft.AspNetCore.Http.Features;

namespace JourneyBot.Meetings;

// What the side panel posts: the touchpoint acted on, its version as the panel showed it (for an undo, the version
// the retire left), a proposal's text, and the meeting's chat id from the TeamsJS context.
public sealed record MeetingRequest(string? TouchpointId = null, string? Version = null, string? Text = null,
    string? Chat = null);

// The meeting's routes, beside the map's and behind the same door: a Teams SSO token of a program member (401
// without one, 404 for a program that is not theirs); sponsors read; owners and department contacts act, each on
// the touchpoints the chat review lets them act on (ReviewScope, ReviewDecisions).
public static class MeetingEndpoints
{
    private const string HtmlType = "text/html; charset=utf-8";
    private const int MaxBody = 64 * 1024;
    // How often a stage stream asks storage whether another instance saved a change; this instance's own changes
    // wake it at once (StageSignal).
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    private sealed record Opened(TabUser User, Person Caller, JourneyProgram Program, bool IsOwner, ReviewScope? Scope,
        DateOnly Today);

    public static IEndpointRouteBuilder MapMeeting(this IEndpointRouteBuilder app)
    {
        var meeting = app.MapGroup("/map/{programId}/meeting");
        meeting.MapGet("/panel", async (string programId, HttpContext http, MeetingServices s) =>
        {
            if (await OpenAsync(programId, http, s) is not { } opened) return Refused(http);
            var chat = http.Request.Query["chat"].ToString();
            if (opened.IsOwner) await s.Reviews.MarkStartedAsync(opened.Program.Id, opened.Today, http.RequestAborted);
            await s.Meetings.JoinAsync(opened.Program.Id, opened.Caller, MeetingChat.IsChatId(chat) ? chat : null,
                http.RequestAborted);
            s.Signal.Changed(opened.Program.Id);
            return await PanelAsync(opened, s, null, http.RequestAborted);
        });
        meeting.MapGet("/stage", async (string programId, HttpContext http, MeetingServices s) =>
        {
            if (await OpenAsync(programId, http, s) is not { } opened) return Refused(http);
            var (html, version) = await StageAsync(opened, s, http.RequestAborted);
            http.Response.Headers["X-Meeting-Version"] = version;
            return Results.Content(html, HtmlType);
        });
        meeting.MapGet("/stream", (string programId, HttpContext http, MeetingServices s) =>
            StreamAsync(programId, http, s));
        meeting.MapPost("/{deed}", async (string programId, string deed, HttpContext http, MeetingServices s) =>
        {
            if (await OpenAsync(programId, http, s) is not { } opened) return Refused(http);
            if (await JsonBody.ReadAsync(http, MaxBody, new MeetingRequest()) is not { } request)
            {
                return Results.Content(
                    "<p class=\"notice problem\" role=\"status\">That request could not be read.</p>", HtmlType,
                    statusCode: 400);
            }
            return deed switch
            {
                "verify" or "retire" => await ChangeAsync(opened, request, deed == "retire", s, http.RequestAborted),
                "undo" => await UndoAsync(opened, request, s, http.RequestAborted),
                "propose" => await ProposeAsync(opened, request, s, http.RequestAborted),
                "complete" => await CompleteAsync(opened, request, s, http.RequestAborted),
                _ => Results.NotFound(),
            };
        });
        return app;
    }

    // Conditional on the version of the touchpoint the attendee saw (each button carries it): a stale one is refused
    // with who changed it meanwhile, and nothing is written (ReviewDecisions.ChangeSeenAsync).
    private static async Task<IResult> ChangeAsync(Opened o, MeetingRequest request, bool retire, MeetingServices s,
        CancellationToken ct)
    {
        if (o.Scope is null) return NotAReviewer();
        var id = request.TouchpointId ?? "";
        if (!PlainId.IsValid(id)) return await PanelAsync(o, s, Gone, ct, 400);
        var change = await s.Decisions.ChangeSeenAsync(o.Program.Id, o.Scope, id, request.Version, retire,
            o.Caller.DisplayName, o.Today, ct);
        if (change.Refusal is not null)
        {
            return await PanelAsync(o, s, new PanelNotice(change.Refusal, Problem: true), ct, 403);
        }
        if (change.Note is { } note) return await PanelAsync(o, s, new PanelNotice(note, Problem: true), ct, 409);
        await s.Meetings.CountAsync(o.Program.Id, o.Caller, retire ? MeetingDeed.Retired : MeetingDeed.Verified, 1, ct);
        s.Signal.Changed(o.Program.Id);
        var done = retire ? new PanelNotice(null, change.Retired) : new PanelNotice("Marked verified.");
        return await PanelAsync(o, s, done, ct);
    }

    private static async Task<IResult> UndoAsync(Opened o, MeetingRequest request, MeetingServices s,
        CancellationToken ct)
    {
        if (o.Scope is null) return NotAReviewer();
        var id = request.TouchpointId ?? "";
        if (!PlainId.IsValid(id)) return await PanelAsync(o, s, Gone, ct, 400);
        var undo = await s.Decisions.UndoRetireAsync(o.Program.Id, o.Scope, id, request.Version, o.Caller.DisplayName,
            ct);
        if (undo.Refusal is not null)
        {
            return await PanelAsync(o, s, new PanelNotice(undo.Refusal, Problem: true), ct, 403);
        }
        if (undo.Back is not null)
        {
            await s.Meetings.CountAsync(o.Program.Id, o.Caller, MeetingDeed.Retired, -1, ct);
            s.Signal.Changed(o.Program.Id);
        }
        return await PanelAsync(o, s, new PanelNotice(undo.Note, Problem: undo.Back is null), ct);
    }

    // A proposal is for the owners to act on: it is shown to everyone in the meeting and listed in the summary. It is
    // about the touchpoint as the attendee saw it, so a stale version is refused too, with the text kept as typed.
    private static async Task<IResult> ProposeAsync(Opened o, MeetingRequest request, MeetingServices s,
        CancellationToken ct)
    {
        if (o.Scope is null) return NotAReviewer();
        var id = request.TouchpointId ?? "";
        var touchpoint = PlainId.IsValid(id) ? o.Program.ActiveTouchpoints().FirstOrDefault(t => t.Id == id) : null;
        if (touchpoint is null) return await PanelAsync(o, s, Gone, ct, 400);
        if (!o.Scope.Covers(touchpoint))
        {
            return await PanelAsync(o, s, new PanelNotice(ReviewDecisions.OtherDepartment, Problem: true), ct, 403);
        }
        var text = (request.Text ?? "").Trim();
        if (text.Length == 0)
        {
            return await PanelAsync(o, s, new PanelNotice("Say what should change before proposing it.", null, id, "",
                Problem: true), ct, 400);
        }
        if (text.Length > TextLimits.LongText)
        {
            var cut = TextLimits.LongText;
            if (char.IsHighSurrogate(text[cut - 1])) cut--;
            return await PanelAsync(o, s, new PanelNotice(
                $"The proposal was {text.Length:N0} characters; the limit is {TextLimits.LongText:N0}. " +
                "It was cut to fit: check the end and propose it again.",
                null, id, text[..cut], Problem: true), ct, 400);
        }
        if (await s.Decisions.StaleAsync(o.Program.Id, id, request.Version, ct) is { } stale)
        {
            return await PanelAsync(o, s, new PanelNotice(stale, null, id, text, Problem: true), ct, 409);
        }
        await s.Meetings.ProposeAsync(o.Program.Id, o.Caller, id, text, ct);
        s.Signal.Changed(o.Program.Id);
        return await PanelAsync(o, s,
            new PanelNotice("Change proposed: the owners see it, and it goes in the review's summary."), ct);
    }

    private static readonly PanelNotice Gone = new("That touchpoint is no longer on the map.", Problem: true);

    private static async Task<IResult> CompleteAsync(Opened o, MeetingRequest request, MeetingServices s,
        CancellationToken ct)
    {
        if (!o.IsOwner)
        {
            return Results.Content("<p class=\"notice problem\" role=\"status\">Only the program's owners complete a " +
                "review.</p>", HtmlType, statusCode: 403);
        }
        var session = await s.Meetings.ReadAsync(o.Program.Id, ct);
        var participants = session.Participants.Select(p => p.Person).ToList();
        if (participants.All(p => p.AadObjectId != o.Caller.AadObjectId)) participants.Insert(0, o.Caller);
        var previous = o.Program.Reviews.Count > 0 ? o.Program.Reviews.Max(r => r.CompletedOn) : (DateOnly?)null;
        var review = await s.Decisions.CompleteAsync(o.Program, o.Caller, o.Today, participants, ct);
        var proposals = session.Proposals.Select(x => (x.TouchpointId, x.By.DisplayName, x.Text)).ToList();
        var card = ReviewCards.Completed(o.Program, review, o.Today.AddDays(o.Program.Charter.ReviewCadenceDays),
            previous, s.Links.For(o.Program.Id), review.Changes, proposals: proposals);
        var chatId = MeetingChat.IsChatId(request.Chat) ? request.Chat : session.ChatId;
        var problem = await s.Chat.PostAsync(o.User.TenantId, o.User.ObjectId, chatId, card, ct);
        await s.Meetings.EndAsync(o.Program.Id, ct);
        s.Signal.Changed(o.Program.Id);
        var html = new StringBuilder("<section class=\"meeting panel\"><h1>Review completed</h1>")
            .Append("<p role=\"status\" class=\"notice")
            .Append(problem is null
                ? "\">The summary was posted to the meeting chat."
                : " problem\">" + Html.E(problem))
            .Append("</p><p>Took part: ").Append(Html.E(string.Join(", ", participants.Select(p => p.DisplayName))))
            .Append("</p></section>");
        return Results.Content(html.ToString(), HtmlType);
    }

    // The panel as stored now: the touchpoints read with their versions, so each button carries the version of
    // the very touchpoint it shows.
    private static async Task<IResult> PanelAsync(Opened o, MeetingServices s, PanelNotice? notice,
        CancellationToken ct, int status = 200)
    {
        var stored = await s.Touchpoints.AllAsync(o.Program.Id, ct);
        var program = o.Program with { Touchpoints = stored.Select(t => t.Touchpoint).ToList() };
        var versions = stored.ToDictionary(t => t.Touchpoint.Id, t => t.ETag.ToString(), StringComparer.Ordinal);
        var session = await s.Meetings.ReadAsync(o.Program.Id, ct);
        var startedOn = await s.Decisions.StartedOnAsync(program, o.Today, ct);
        var progress = MeetingProgress.Of(program, session, startedOn);
        return Results.Content(MeetingPages.Panel(program, o.Scope, o.IsOwner, progress, startedOn, notice, versions),
            HtmlType, statusCode: status);
    }

    private static async Task<(string Html, string Version)> StageAsync(Opened o, MeetingServices s,
        CancellationToken ct)
    {
        var session = await s.Meetings.ReadAsync(o.Program.Id, ct);
        var startedOn = await s.Decisions.StartedOnAsync(o.Program, o.Today, ct);
        var progress = MeetingProgress.Of(o.Program, session, startedOn);
        return (MeetingPages.Stage(o.Program, progress, startedOn, session.Ended), session.Version);
    }

    // Server-Sent Events: each event is the stage as it is now, its id the meeting's version; a client that
    // reconnects with Last-Event-ID gets the next event only when something changed since. Each event re-reads the
    // program as the viewer, so someone removed from the program stops receiving it.
    private static async Task StreamAsync(string programId, HttpContext http, MeetingServices s)
    {
        var ct = http.RequestAborted;
        if (await OpenAsync(programId, http, s) is not { } opened)
        {
            await Refused(http).ExecuteAsync(http);
            return;
        }
        http.Response.ContentType = "text/event-stream; charset=utf-8";
        http.Response.Headers["X-Accel-Buffering"] = "no";
        http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        var last = http.Request.Headers["Last-Event-ID"].ToString();
        var wrote = DateTimeOffset.UtcNow;
        await http.Response.WriteAsync(": stage\n\n", ct);
        await http.Response.Body.FlushAsync(ct);
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var version = await s.Meetings.VersionAsync(programId, ct);
                if (version != last || last.Length == 0)
                {
                    if (await OpenAsync(programId, http, s) is not { } now) return;
                    var (html, at) = await StageAsync(now, s, ct);
                    await http.Response.WriteAsync(Event(at, html), ct);
                    await http.Response.Body.FlushAsync(ct);
                    last = at.Length == 0 ? " " : at;
                    wrote = DateTimeOffset.UtcNow;
                }
                else if (DateTimeOffset.UtcNow - wrote > KeepAlive)
                {
                    await http.Response.WriteAsync(": keep-alive\n\n", ct);
                    await http.Response.Body.FlushAsync(ct);
                    wrote = DateTimeOffset.UtcNow;
                }
                await s.Signal.WaitAsync(programId, PollInterval, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    public static string Event(string id, string html)
    {
        var text = new StringBuilder("id: ").Append(id.Replace('\n', ' ').Replace('\r', ' '))
            .Append("\nevent: stage\n");
        foreach (var line in html.Split('\n')) text.Append("data: ").Append(line.TrimEnd('\r')).Append('\n');
        return text.Append('\n').ToString();
    }

    private static async Task<Opened?> OpenAsync(string programId, HttpContext http, MeetingServices s)
    {
        var user = (await s.Auth.AuthenticateAsync(http.Request.Headers.Authorization.FirstOrDefault(),
            http.Connection.RemoteIpAddress, http.RequestAborted)).User;
        if (user is null)
        {
            http.Items[RefusalKey] = 401;
            return null;
        }
        var program = await s.Programs.LoadAsync(user.TenantId, programId, http.RequestAborted);
        var role = program is null ? ProgramRole.None : ProgramRoles.Of(program.Charter, user.ObjectId);
        if (program is null || role == ProgramRole.None)
        {
            http.Items[RefusalKey] = 404;
            return null;
        }
        var caller = program.Charter.Owners.Concat(program.Charter.Departments.SelectMany(d => d.Contacts))
            .Concat(program.Charter.Sponsors)
            .FirstOrDefault(p => p.AadObjectId == user.ObjectId) ?? new Person(user.ObjectId, user.Name);
        return new Opened(user, caller, program, role.HasFlag(ProgramRole.Owner),
            ReviewScope.For(program.Charter, user.ObjectId, null),
            WorkingTime.Today(s.Clock.GetUtcNow(), program.Charter));
    }

    private const string RefusalKey = "meeting.refusal";

    private static IResult Refused(HttpContext http) => http.Items[RefusalKey] is 401
        ? Results.Content("<h1>Sign-in needed</h1><p>Open the review from Teams so it can sign you in.</p>", HtmlType,
            statusCode: 401)
        : Results.Content(MapDocument.NotFound(), HtmlType, statusCode: 404);

    private static IResult NotAReviewer() => Results.Content(
        "<p class=\"notice problem\" role=\"status\">Reviews are done by the program's owners and, for their own " +
        "department, its contacts.</p>",
        HtmlType, statusCode: 403);
}
