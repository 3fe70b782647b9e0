using JourneyBot.Map;
using JourneyBot.Bot;
using JourneyBot.Cards;
using JourneyBot.Domain;
using JourneyBot.Programs;
using JourneyBot.Protocol;
using JourneyBot.Storage;
using JourneyBot.Touchpoints;
using JourneyBot.Health;
using static JourneyBot.Cards.CardResponses;

namespace JourneyBot.Reviews;

// `review` and the review card's buttons. Owners review everything and complete the review; department
// contacts confirm, update or retire their own department's touchpoints.
public sealed class ReviewHandler(ProgramSessions sessions, ReviewDecisions decisions, ReviewStore reviews, TimeProvider clock, MapLinks? links = null) : ICommandSource
{
    private const string NotAReviewer = "Reviews are done by the program's owners and, for their own department, its contacts.";

    public IEnumerable<BotCommand> Commands => [new("review", "Walk through the map's touchpoints: confirm, update or retire each.", ReviewAsync) { Step = WorkflowStep.Review }];

    public IEnumerable<CardVerb> Verbs =>
    [
        new(CardVerbs.ReviewStart, StartAsync),
        new(CardVerbs.ReviewPage, PageAsync),
        new(CardVerbs.ReviewConfirm, (t, a, c) => ChangeAsync(t, a, [a.GetString(CardData.TouchpointId) ?? ""], retire: false, c)),
        new(CardVerbs.ReviewConfirmPage, (t, a, c) => ChangeAsync(t, a, List(a, ReviewCards.TouchpointIds), retire: false, c)),
        new(CardVerbs.ReviewRetire, (t, a, c) => ChangeAsync(t, a, [a.GetString(CardData.TouchpointId) ?? ""], retire: true, c)),
        new(CardVerbs.ReviewUndoRetire, UndoRetireAsync),
        new(CardVerbs.ReviewDetails, DetailsAsync),
        new(CardVerbs.ReviewComplete, CompleteAsync),
        new(CardVerbs.ReviewNote, NoteAsync),
    ];

    private async Task ReviewAsync(TurnContext turn, string _, CancellationToken cancellationToken)
    {
        if (await sessions.ResolveOrExplainAsync(turn, cancellationToken) is not { } resolved) return;
        var (session, program) = resolved;
        var scope = ReviewScope.For(program.Charter, session.Caller.AadObjectId, null);
        var card = scope is null ? ProgramCards.Refusal(NotAReviewer) : ReviewCards.Page(program, scope, 0, session.Caller.AadObjectId, Today(program));
        if (scope is { IsOwner: true }) await reviews.MarkStartedAsync(program.Id, Today(program), cancellationToken);
        await turn.SendActivityAsync(card.ToActivity(), cancellationToken);
    }

    // An owner opening the review starts it: what changes on the map from then on makes the review an update.
    private async Task<InvokeResponse> StartAsync(TurnContext turn, AdaptiveCardAction action, CancellationToken cancellationToken)
    {
        var (session, program, scope, refusal) = await ResolveAsync(turn, action, cancellationToken);
        if (refusal is not null) return refusal;
        if (scope!.IsOwner) await reviews.MarkStartedAsync(program!.Id, Today(program), cancellationToken);
        return Card(ReviewCards.Page(program!, scope, CardData.PageOf(action), session!.Caller.AadObjectId, Today(program!)));
    }

    private async Task<InvokeResponse> PageAsync(TurnContext turn, AdaptiveCardAction action, CancellationToken cancellationToken)
    {
        var (session, program, scope, refusal) = await ResolveAsync(turn, action, cancellationToken);
        if (refusal is not null) return refusal;
        return Card(ReviewCards.Page(program!, scope!, CardData.PageOf(action), session!.Caller.AadObjectId, Today(program!)));
    }

    // Confirms (last verified = today) or retires touchpoints, each conditional on the version just read.
    private async Task<InvokeResponse> ChangeAsync(TurnContext turn, AdaptiveCardAction action, IReadOnlyList<string> touchpointIds, bool retire, CancellationToken cancellationToken)
    {
        var (session, program, scope, refusal) = await ResolveAsync(turn, action, cancellationToken);
        if (refusal is not null) return refusal;
        var today = Today(program!);
        var tags = touchpointIds.Count == 1 ? [action.GetString(ReviewCards.SeenTags) ?? ""] : List(action, ReviewCards.SeenTags);
        // Paired by position, as the page wrote them; a missing or extra tag leaves its touchpoint "out of date".
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < touchpointIds.Count && i < tags.Count; i++) seen.TryAdd(touchpointIds[i], tags[i]);
        var change = await decisions.ChangeAsync(program!.Id, scope!, touchpointIds, seen, retire, session!.Caller.DisplayName,
            today, cancellationToken);
        if (change.Refusal is not null) return Card(ProgramCards.Refusal(change.Refusal));
        return Card(ReviewCards.Page(change.Applied(program, touchpointIds), scope!, CardData.PageOf(action), session.Caller.AadObjectId, today, change.Note, change.Retired));
    }

    private async Task<InvokeResponse> DetailsAsync(TurnContext turn, AdaptiveCardAction action, CancellationToken cancellationToken)
    {
        var (session, program, scope, refusal) = await ResolveAsync(turn, action, cancellationToken);
        if (refusal is not null) return refusal;
        var id = action.GetString(CardData.TouchpointId);
        if (program!.ActiveTouchpoints().FirstOrDefault(t => t.Id == id && scope!.Covers(t)) is not { } touchpoint)
        {
            return Card(ReviewCards.Page(program, scope!, CardData.PageOf(action), session!.Caller.AadObjectId, Today(program), "That touchpoint is no longer on the map."));
        }
        return Card(ReviewCards.Details(program, scope!, CardData.PageOf(action), session!.Caller.AadObjectId, Today(program), touchpoint));
    }

    // Brings a just-retired touchpoint back, only from the version the retire left: anything changed since wins.
    private async Task<InvokeResponse> UndoRetireAsync(TurnContext turn, AdaptiveCardAction action, CancellationToken cancellationToken)
    {
        var (session, program, scope, refusal) = await ResolveAsync(turn, action, cancellationToken);
        if (refusal is not null) return refusal;
        var undo = await decisions.UndoRetireAsync(program!.Id, scope!, action.GetString(CardData.TouchpointId) ?? "",
            action.GetString(CardData.ETag), session!.Caller.DisplayName, cancellationToken);
        if (undo.Refusal is not null) return Card(ProgramCards.Refusal(undo.Refusal));
        if (undo.Back is { } back) program = program with { Touchpoints = program.Touchpoints.Select(t => t.Id == back.Id ? back : t).ToList() };
        return Card(ReviewCards.Page(program, scope!, CardData.PageOf(action), session.Caller.AadObjectId, Today(program), undo.Note));
    }

    // Completing in chat records no participants: only a meeting knows who was there (ReviewDecisions has the rules).
    private async Task<InvokeResponse> CompleteAsync(TurnContext turn, AdaptiveCardAction action, CancellationToken cancellationToken)
    {
        var opened = await sessions.ForCardAsync(turn, action, cancellationToken, ProgramRole.Owner,
            "Only the program's owners complete a review; department contacts confirm their own touchpoints.", withParts: true);
        if (opened.Session is not { } session) return opened.Refusal!;
        var program = opened.Program!;
        var today = Today(program);
        DateOnly? previous = program.Reviews.Count > 0 ? program.Reviews.Max(r => r.CompletedOn) : null;
        var review = await decisions.CompleteAsync(program, session.Caller, today, null, cancellationToken);
        var changes = review.Changes;
        return Card(ReviewCards.Completed(program, review, today.AddDays(program.Charter.ReviewCadenceDays), previous, links?.For(program.Id), changes));
    }

    // The owner's short note on a completed review, typed on its summary card; the summary comes back with it.
    private async Task<InvokeResponse> NoteAsync(TurnContext turn, AdaptiveCardAction action, CancellationToken cancellationToken)
    {
        var opened = await sessions.ForCardAsync(turn, action, cancellationToken, ProgramRole.Owner, "Only the program's owners write the review's note.", withParts: true);
        if (opened.Session is not { } session) return opened.Refusal!;
        var program = opened.Program!;
        if (program.Reviews.FirstOrDefault(r => r.Id == action.GetString(CardData.ReviewId) && r.WasHeld()) is not { } review)
        {
            return Card(ProgramCards.Refusal("That review is not one of this program's, so the note was not saved."));
        }
        var note = action.GetString(ReviewCards.NoteField)?.Trim() ?? "";
        var previous = program.Reviews.Where(r => r.Id != review.Id && r.CompletedOn <= review.CompletedOn).Select(r => (DateOnly?)r.CompletedOn).Max();
        var nextDue = review.CompletedOn.AddDays(program.Charter.ReviewCadenceDays);
        if (note.Length > ReviewCards.NoteLimit)
        {
            return Card(ReviewCards.Completed(program, review, nextDue, previous, links?.For(program.Id), review.Changes, note[..ReviewCards.NoteLimit],
                $"The note was {note.Length:N0} characters; the limit is {ReviewCards.NoteLimit:N0}. It was cut to fit: check the end and save again."));
        }
        var result = await reviews.SaveNoteAsync(program.Id, review.Id, note.Length == 0 ? null : note, session.Caller, cancellationToken);
        if (result.Busy)
        {
            var who = result.ChangedBy is { Length: > 0 } name ? $"{name} was" : "Others were";
            return Card(ReviewCards.Completed(program, review, nextDue, previous, links?.For(program.Id), review.Changes, note,
                $"{who} saving this review's note at the same moment, so yours is not saved yet. It is kept below: save again."));
        }
        var saved = result.Review ?? review;
        var shown = program with { Reviews = program.Reviews.Select(r => r.Id == saved.Id ? saved : r).ToList() };
        return Card(ReviewCards.Completed(shown, saved, nextDue, previous, links?.For(program.Id), saved.Changes, notice: note.Length == 0 ? "Note removed." : "Note saved."));
    }

    private async Task<(ProgramSession? Session, JourneyProgram? Program, ReviewScope? Scope, InvokeResponse? Refusal)> ResolveAsync(
        TurnContext turn, AdaptiveCardAction action, CancellationToken cancellationToken)
    {
        var opened = await sessions.ForCardAsync(turn, action, cancellationToken, withParts: true);
        if (opened.Session is not { } session) return (null, null, null, opened.Refusal);
        var scope = ReviewScope.For(opened.Program!.Charter, session.Caller.AadObjectId, action.GetString(CardData.DepartmentId));
        return scope is null ? (null, null, null, ProgramSessions.Refuse(NotAReviewer)) : (session, opened.Program, scope, null);
    }

    private static List<string> List(AdaptiveCardAction action, string key) =>
        (action.GetString(key) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Take(ReviewCards.PageSize).ToList();

    private DateOnly Today(JourneyProgram program) => WorkingTime.Today(clock.GetUtcNow(), program.Charter);

}
