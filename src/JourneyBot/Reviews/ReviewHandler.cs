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
public sealed class ReviewHandler(ProgramSessions sessions, TouchpointStore edits, ReviewStore reviews, TimeProvider clock, MapLinks? links = null, MapSnapshotStore? mapSnapshots = null) : ICommandSource
{
    private const string NotAReviewer = "Reviews are done by the program's owners and, for their own department, its contacts.";

    public IEnumerable<BotCommand> Commands => [new("review", "Walk through the map's touchpoints: confirm, update or retire each.", ReviewAsync) { Step = WorkflowStep.Review }];

    public IEnumerable<CardVerb> Verbs =>
    [
        new(CardVerbs.ReviewStart, StartAsync),
        new(CardVerbs.ReviewPage, PageAsync),
        new(CardVerbs.ReviewConfirm, (t, a, c) => ChangeAsync(t, a, [a.GetString(CardData.TouchpointId) ?? ""], retire: false, c)),
        new(CardVerbs.ReviewConfirmPage, (t, a, c) => ChangeAsync(t, a, (a.GetString("touchpointIds") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Take(ReviewCards.PageSize).ToList(), retire: false, c)),
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
        string? note = null;
        StoredTouchpoint? retired = null;
        // What each touchpoint is now, so the page is drawn from it without reading the program again.
        var now = new Dictionary<string, Touchpoint>(StringComparer.Ordinal);
        foreach (var id in touchpointIds)
        {
            var stored = await edits.GetAsync(program!.Id, id, cancellationToken);
            if (stored is null || stored.Touchpoint.Retired)
            {
                note = "A touchpoint on this page was deleted or retired meanwhile.";
                if (stored is not null) now[id] = stored.Touchpoint;
                continue;
            }
            if (!scope!.Covers(stored.Touchpoint)) return Card(ProgramCards.Refusal("That touchpoint belongs to another department; its own contacts or an owner review it."));
            var updated = retire ? stored.Touchpoint with { Retired = true, RetiredOn = today } : stored.Touchpoint with { LastVerifiedOn = today };
            try
            {
                var saved = await edits.UpdateAsync(program.Id, stored, updated, session!.Caller.DisplayName, cancellationToken);
                now[id] = updated;
                if (retire) retired = saved;
            }
            catch (TouchpointChangedException e)
            {
                note = "Someone changed a touchpoint on this page meanwhile; look at it again and confirm it if it is right.";
                if (e.Latest is { } latest) now[id] = latest.Touchpoint;
            }
        }
        var shown = program! with
        {
            Touchpoints = program.Touchpoints.Where(t => now.ContainsKey(t.Id) || !touchpointIds.Contains(t.Id))
                .Select(t => now.GetValueOrDefault(t.Id, t)).ToList(),
        };
        return Card(ReviewCards.Page(shown, scope!, CardData.PageOf(action), session!.Caller.AadObjectId, today, note, retired));
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
        var today = Today(program!);
        var stored = await edits.GetAsync(program!.Id, action.GetString(CardData.TouchpointId) ?? "", cancellationToken);
        string note;
        if (stored is null) note = "That touchpoint was deleted meanwhile, so it cannot come back.";
        else if (!scope!.Covers(stored.Touchpoint)) return Card(ProgramCards.Refusal("That touchpoint belongs to another department; its own contacts or an owner review it."));
        else if (!stored.Touchpoint.Retired) note = "That touchpoint is on the map again already.";
        else if (RowVersion.FromCard(action.GetString(CardData.ETag)) is not { } version || version != stored.ETag)
        {
            note = "That touchpoint was changed after it was retired, so the undo was not applied; an owner can add it again.";
        }
        else
        {
            var back = stored.Touchpoint with { Retired = false, RetiredOn = null };
            try
            {
                await edits.UpdateAsync(program.Id, stored, back, session!.Caller.DisplayName, cancellationToken);
                program = program with { Touchpoints = program.Touchpoints.Select(t => t.Id == back.Id ? back : t).ToList() };
                note = "Undone: the touchpoint is back on the map.";
            }
            catch (TouchpointChangedException)
            {
                note = "That touchpoint was changed after it was retired, so the undo was not applied; an owner can add it again.";
            }
        }
        return Card(ReviewCards.Page(program, scope!, CardData.PageOf(action), session!.Caller.AadObjectId, today, note));
    }

    // Records the review with a snapshot of the program: updated when touchpoints were added, edited or retired since
    // it started (else since the day after the last review held), confirmed when none were. The daily planning
    // reminds again a cadence later.
    private async Task<InvokeResponse> CompleteAsync(TurnContext turn, AdaptiveCardAction action, CancellationToken cancellationToken)
    {
        var opened = await sessions.ForCardAsync(turn, action, cancellationToken, ProgramRole.Owner,
            "Only the program's owners complete a review; department contacts confirm their own touchpoints.", withParts: true);
        if (opened.Session is not { } session) return opened.Refusal!;
        var program = opened.Program!;
        var today = Today(program);
        DateOnly? previous = program.Reviews.Count > 0 ? program.Reviews.Max(r => r.CompletedOn) : null;
        var lastHeld = program.Reviews.Where(r => r.WasHeld()).Select(r => (DateOnly?)r.CompletedOn).Max();
        var from = await reviews.StartedOnAsync(program.Id, cancellationToken) ?? lastHeld?.AddDays(1) ?? today;
        var changes = ReviewChanges.Since(program, from);
        var review = new Review(Guid.NewGuid().ToString("N"), today, session.Caller, MapHealth.TakeSnapshot(program, today)) { Outcome = changes.Outcome(), Changes = changes };
        await reviews.AddAsync(program.Id, review, cancellationToken);
        await reviews.ClearStartedAsync(program.Id, cancellationToken);
        if (mapSnapshots is not null) await mapSnapshots.TrySaveAsync(program.Id, MapSnapshotStore.ForReview(review.Id), program, today, cancellationToken);
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

    private DateOnly Today(JourneyProgram program) => WorkingTime.Today(clock.GetUtcNow(), program.Charter);

}
