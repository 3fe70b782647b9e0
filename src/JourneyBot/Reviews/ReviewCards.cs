using System.Globalization;
using JourneyBot.Cards;
using JourneyBot.Domain;
using JourneyBot.Touchpoints;

namespace JourneyBot.Reviews;

// The review walk-through: a page of touchpoints, each confirmed, retired or edited in place.
public static class ReviewCards
{
    public const int PageSize = 5;
    public const string TouchpointIds = "touchpointIds";
    // Beside the ids, each touchpoint's tag as the page showed it (ReviewDecisions.Seen), in the same order.
    public const string SeenTags = "seen";

    public static AdaptiveCard Page(JourneyProgram program, ReviewScope scope, int page, string caller, DateOnly today, string? note = null, StoredTouchpoint? retired = null)
    {
        var charter = program.Charter;
        var all = scope.Select(program);
        var cadence = charter.ReviewCadenceDays;
        var fresh = all.Count(t => t.LastVerifiedOn is { } v && v.AddDays(cadence) >= today);
        var pages = Math.Max(1, (all.Count + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 0, pages - 1);
        var shown = all.Skip(page * PageSize).Take(PageSize).ToList();
        var departmentName = scope.DepartmentId is { } only ? charter.Departments.First(d => d.Id == only).Name : scope.Departments is null ? "all departments" : "your departments";

        var card = new AdaptiveCard { FallbackText = $"Review of {charter.Name}" };
        card.Add(
            new TextBlock($"Review: {CardText.Literal(charter.Name)}") { Size = TextSize.Medium, Weight = TextWeight.Bolder },
            new TextBlock($"{CardText.Literal(departmentName)} · {fresh} of {all.Count} touchpoints verified in the last {cadence} days · page {page + 1} of {pages}") { IsSubtle = true },
            new TextBlock("Is each still what the customer meets today? Mark it verified if it is; open \"Details and changes\" to edit what changed or retire what no longer happens."));
        if (note is not null) card.Add(new TextBlock(CardText.Literal(note)) { Color = TextColor.Warning });
        if (all.Count == 0) card.Add(new TextBlock("There are no touchpoints to review here yet."));

        if (retired is not null) card.Add(RetiredNotice(program, scope, page, retired));
        // Full texts unfold in place while the page stays well inside Teams' card size; the rest open on request.
        var fullTextBudget = FullTextBudget;
        foreach (var t in shown)
        {
            var full = FullTextLength(t);
            var inPlace = full <= fullTextBudget;
            if (inPlace) fullTextBudget -= full;
            card.Add(Item(program, scope, page, caller, today, t, inPlace));
        }
        if (shown.Count > 0)
        {
            card.AddActions(new CardExecuteAction("Mark all on this page verified", CardVerbs.ReviewConfirmPage)
            {
                Data = new Dictionary<string, string>(Data(program.Id, scope, page, null))
                {
                    [TouchpointIds] = string.Join(",", shown.Select(t => t.Id)),
                    [SeenTags] = string.Join(",", shown.Select(ReviewDecisions.Seen)),
                },
            });
        }
        // Paging sits on a row of its own: with the page's actions beside it, the row ran off a phone's width.
        List<CardAction> paging = [];
        if (page > 0) paging.Add(new CardExecuteAction("Previous page", CardVerbs.ReviewPage) { Data = Data(program.Id, scope, page - 1, null) });
        if (page < pages - 1) paging.Add(new CardExecuteAction("Next page", CardVerbs.ReviewPage) { Data = Data(program.Id, scope, page + 1, null) });
        if (paging.Count > 0) card.Add(new ActionSet(paging) { Separator = true });
        if (scope.IsOwner) card.AddActions(new CardExecuteAction("Complete review", CardVerbs.ReviewComplete) { Style = "positive", Data = new Dictionary<string, string> { [CardData.ProgramId] = program.Id } });
        return card;
    }

    public const string NoteField = "reviewNote";
    public const int NoteLimit = TextLimits.LongText;
    private const int HistoryShown = 3;

    // The summary of a held review: its outcome (confirmed or updated, and what changed when known), the figures, a
    // note the owner may add, and the decisions before it.
    public static AdaptiveCard Completed(JourneyProgram program, Review review, DateOnly nextDue, DateOnly? previousReview, Uri? mapLink = null,
        ReviewChanges? changes = null, string? noteTyped = null, string? notice = null,
        IReadOnlyList<(string TouchpointId, string By, string Text)>? proposals = null)
    {
        var snapshot = review.Snapshot!;
        var verified = program.ActiveTouchpoints().Count(t => t.LastVerifiedOn == review.CompletedOn);
        var outcome = OutcomeName(review.Outcome) + (changes is null ? "" : $": {changes}");
        var card = new AdaptiveCard { FallbackText = $"Review of {program.Charter.Name} completed" }
            .Add(
                new TextBlock($"Review completed: {CardText.Literal(program.Charter.Name)}") { Size = TextSize.Medium, Weight = TextWeight.Bolder, Color = TextColor.Good },
                new FactSet([
                    new Fact("Completed", $"{review.CompletedOn:d MMM yyyy} by {CardText.Literal(review.By.DisplayName)}"),
                    .. TookPart(review),
                    new Fact("Outcome", outcome),
                    new Fact("Verified today", $"{verified} of {snapshot.Touchpoints} active touchpoints"),
                    new Fact("Evidence-backed", CardText.Percent(snapshot.EvidenceShare)),
                    new Fact("Checks ok", $"{snapshot.ChecksOk()} of {snapshot.Health.Count}"),
                    new Fact("Next review", nextDue.ToString("d MMM yyyy", CultureInfo.InvariantCulture)),
                ]),
                new TextBlock("A snapshot of the map was saved, so the next progress cards show what changed.") { IsSubtle = true });
        if (notice is not null) card.Add(new TextBlock(CardText.Literal(notice)) { Color = noteTyped is null ? TextColor.Good : TextColor.Attention });
        if (review.Note is { Length: > 0 } note) card.Add(new TextBlock($"Note: {CardText.Literal(note)}"));
        // What left the map in this review period, so nobody learns it from a gap on the map.
        var gone = program.Touchpoints
            .Where(t => t.Retired && t.RetiredOn is { } on && on <= review.CompletedOn && (previousReview is not { } last || on > last))
            .OrderBy(t => t.RetiredOn).ToList();
        if (gone.Count > 0)
        {
            card.Add(new TextBlock($"Retired {(previousReview is { } since ? $"since the review of {since:d MMM yyyy}" : "so far")}: {Words.Count(gone.Count, "touchpoint")}") { Weight = TextWeight.Bolder, Separator = true });
            foreach (var t in gone.Take(MaxRetiredListed)) card.Add(new TextBlock($"• {Describe(program.Charter, t)}") { Spacing = "none" });
            if (gone.Count > MaxRetiredListed) card.Add(new TextBlock($"and {gone.Count - MaxRetiredListed} more") { IsSubtle = true, Spacing = "none" });
        }
        if (proposals is { Count: > 0 }) AddProposals(card, program, proposals);
        var earlier = program.Reviews.Where(r => r.Id != review.Id && r.CompletedOn <= review.CompletedOn).OrderByDescending(r => r.CompletedOn).Take(HistoryShown).ToList();
        if (earlier.Count > 0)
        {
            card.Add(new TextBlock("Earlier reviews") { Weight = TextWeight.Bolder, Separator = true });
            foreach (var r in earlier) card.Add(new TextBlock(HistoryLine(r)) { Size = TextSize.Small, Spacing = "none" });
        }
        var ids = new Dictionary<string, string> { [CardData.ProgramId] = program.Id };
        var noteForm = new AdaptiveCard().Add(new InputText(NoteField, "A short note on this review (sponsors and owners see it)")
        {
            Value = noteTyped ?? review.Note, IsMultiline = true, MaxLength = NoteLimit,
        });
        noteForm.AddActions(new CardExecuteAction("Save the note", CardVerbs.ReviewNote) { Data = new Dictionary<string, string>(ids) { [CardData.ReviewId] = review.Id } });
        card.AddActions(new CardShowAction(review.Note is null ? "Add a note" : "Change the note", noteForm));
        // Right after a review is when sponsors most want to hear; owners need not wait a cadence for it.
        card.AddActions(new CardExecuteAction("Send sponsors a progress card now", CardVerbs.ProgressSendNow) { Data = ids });
        if (mapLink is not null) card.AddActions(new CardOpenUrlAction("Open the map", mapLink));
        return card;
    }

    private const int ParticipantsNamed = 12;
    private const int ProposalsListed = 10;

    // Changes attendees proposed in the meeting, for the owners to make: they live on in the meeting chat.
    private static void AddProposals(AdaptiveCard card, JourneyProgram program,
        IReadOnlyList<(string TouchpointId, string By, string Text)> proposals)
    {
        card.Add(new TextBlock($"Changes proposed in the meeting: {proposals.Count}") { Weight = TextWeight.Bolder, Separator = true });
        foreach (var (touchpointId, by, text) in proposals.Take(ProposalsListed))
        {
            var where = program.Touchpoints.FirstOrDefault(t => t.Id == touchpointId) is { } t ? Describe(program.Charter, t) : "A touchpoint";
            card.Add(new TextBlock($"• {where}: {CardText.Literal(CardText.Shorten(text, 200))} ({CardText.Literal(CardText.Shorten(by, 60))})")
            {
                Spacing = "none",
            });
        }
        if (proposals.Count > ProposalsListed) card.Add(new TextBlock($"and {proposals.Count - ProposalsListed} more") { IsSubtle = true, Spacing = "none" });
    }

    // Who took part in a review held in a meeting: the first names in full, the rest counted.
    private static IEnumerable<Fact> TookPart(Review review)
    {
        if (review.Participants is not { Count: > 0 } people) yield break;
        var named = string.Join(", ", people.Take(ParticipantsNamed).Select(p => CardText.Literal(CardText.Shorten(p.DisplayName, 60))));
        var more = people.Count > ParticipantsNamed ? $" and {people.Count - ParticipantsNamed} more" : "";
        yield return new Fact("Took part in the meeting", named + more);
    }

    public static string OutcomeName(ReviewOutcome outcome) => outcome switch
    {
        ReviewOutcome.Confirmed => "Confirmed: the map still matches",
        ReviewOutcome.Updated => "Updated",
        ReviewOutcome.Postponed => "Postponed",
        ReviewOutcome.Cancelled => "Cancelled",
        _ => "Held",
    };

    // One decision on a review, for the history: when, what, and the note or reason, shortened.
    public static string HistoryLine(Review r)
    {
        var what = r.Outcome switch
        {
            ReviewOutcome.Postponed => $"postponed{(r.PostponedTo is { } to ? $" to {to:d MMM yyyy}" : "")}",
            ReviewOutcome.Cancelled => "cancelled",
            ReviewOutcome.Confirmed => "held: confirmed",
            ReviewOutcome.Updated => $"held: updated{(r.Changes is { } c && c.Any() ? $", {c}" : "")}",
            _ => "held",
        };
        return $"{r.CompletedOn:d MMM yyyy}: {what}{(r.Note is { Length: > 0 } note ? $" ({CardText.Literal(CardText.Shorten(note, 120))})" : "")}";
    }

    private const int MaxRetiredListed = 10;

    // One touchpoint: where it is, what the customer does and feels; one button for the usual answer ("still
    // right"), everything else folded under "Details and changes" so a page of five is not a wall of buttons.
    private static Container Item(JourneyProgram program, ReviewScope scope, int page, string caller, DateOnly today, Touchpoint t, bool fullTextInPlace)
    {
        var data = Decision(program.Id, scope, page, t);
        var action = CardText.Shorten(t.CustomerAction, ActionShown);
        var pain = t.HasPainPoints() ? CardText.Shorten(t.PainText(), PainShown) : null;

        var details = new AdaptiveCard();
        if (fullTextInPlace) AddFullTexts(details, t);
        else details.Add(new TextBlock("The full texts are long, so they open on their own card.") { IsSubtle = true });
        if (!fullTextInPlace) details.AddActions(new CardExecuteAction("Read it in full", CardVerbs.ReviewDetails) { Data = data });
        AddChanges(details, program, scope, caller, t, data);

        var buttons = new List<CardAction>();
        if (t.LastVerifiedOn != today) buttons.Add(new CardExecuteAction("Mark verified: still right", CardVerbs.ReviewConfirm) { Data = data, Style = "positive" });
        buttons.Add(new CardShowAction("Details and changes", details));

        var status = Verified(t, today) + $" · Customer feels: {TouchpointCards.EmotionName(t.Emotion)}";
        var items = new List<CardElement>
        {
            new TextBlock(Where(program.Charter, t)) { Weight = TextWeight.Bolder },
            new TextBlock(CardText.Literal(action)) { Spacing = "none" },
            new TextBlock(status) { IsSubtle = true, Size = TextSize.Small, Spacing = "none" },
        };
        if (pain is not null) items.Add(new TextBlock($"Pain: {CardText.Literal(pain)}") { Size = TextSize.Small, Spacing = "none" });
        items.Add(new ActionSet(buttons));
        return new Container(items) { Separator = true };
    }

    // After a retire: what went, what that leaves the department with, and a way back.
    private static Container RetiredNotice(JourneyProgram program, ReviewScope scope, int page, StoredTouchpoint retired)
    {
        var t = retired.Touchpoint;
        var department = CardText.Shorten(program.Charter.Departments.FirstOrDefault(d => d.Id == t.DepartmentId)?.Name ?? t.DepartmentId, 40);
        var left = program.ActiveTouchpoints().Count(o => o.DepartmentId == t.DepartmentId && o.Id != t.Id);
        var undo = new Dictionary<string, string>(Data(program.Id, scope, page, t.Id)) { [CardData.ETag] = retired.ETag.ToString() };
        return new Container([
            new TextBlock($"Retired: {Describe(program.Charter, t)}. It is no longer on the map.") { Color = TextColor.Warning },
            new TextBlock(left == 0
                ? $"{CardText.Literal(department)} now has no touchpoints on the map."
                : $"{CardText.Literal(department)} has {Words.Count(left, "touchpoint")} left on the map.") { IsSubtle = true, Spacing = "none" },
            new ActionSet([new CardExecuteAction("Undo retire", CardVerbs.ReviewUndoRetire) { Data = undo }]),
        ]);
    }

    // One touchpoint with every text in full, for those too long to unfold on the page.
    public static AdaptiveCard Details(JourneyProgram program, ReviewScope scope, int page, string caller, DateOnly today, Touchpoint t)
    {
        var data = Decision(program.Id, scope, page, t);
        var card = new AdaptiveCard { FallbackText = "A touchpoint in full" };
        card.Add(
            new TextBlock(Where(program.Charter, t)) { Size = TextSize.Medium, Weight = TextWeight.Bolder },
            new TextBlock(Verified(t, today) + $" · Customer feels: {TouchpointCards.EmotionName(t.Emotion)}") { IsSubtle = true, Spacing = "none" });
        AddFullTexts(card, t);
        if (t.LastVerifiedOn != today) card.AddActions(new CardExecuteAction("Mark verified: still right", CardVerbs.ReviewConfirm) { Data = data, Style = "positive" });
        AddChanges(card, program, scope, caller, t, data);
        card.AddActions(new CardExecuteAction("Back to the review", CardVerbs.ReviewPage) { Data = Data(program.Id, scope, page, null) });
        return card;
    }

    private static void AddFullTexts(AdaptiveCard card, Touchpoint t)
    {
        card.Add(new TextBlock("What the customer does") { Weight = TextWeight.Bolder }, new TextBlock(CardText.Literal(t.CustomerAction)) { Spacing = "none" });
        if (t.HasPainPoints()) card.Add(new TextBlock("Pain points") { Weight = TextWeight.Bolder }, new TextBlock(CardText.Literal(t.PainText())) { Spacing = "none" });
        if (!string.IsNullOrWhiteSpace(t.Verbatim)) card.Add(new TextBlock("In the customer's words") { Weight = TextWeight.Bolder }, new TextBlock(CardText.Literal(t.Verbatim!)) { Spacing = "none" });
    }

    // The less common answers: each says what a press does.
    private static void AddChanges(AdaptiveCard card, JourneyProgram program, ReviewScope scope, string caller, Touchpoint t, Dictionary<string, string> data)
    {
        var ids = new Dictionary<string, string> { [CardData.ProgramId] = program.Id, [CardData.TouchpointId] = t.Id };
        if (scope.IsOwner || t.CreatedBy.AadObjectId == caller) card.AddActions(new CardExecuteAction("Edit this touchpoint", CardVerbs.TouchpointEdit) { Data = ids });
        if (t.HasPainPoints()) card.AddActions(new CardExecuteAction("Plan an action for its pain", CardVerbs.ActionNew) { Data = ids });
        card.AddActions(new CardExecuteAction("Retire: it no longer happens", CardVerbs.ReviewRetire) { Data = data, Style = "destructive" });
    }

    // Characters of escaped full text a page may unfold in place; five touchpoints of ordinary length fit easily.
    private const int FullTextBudget = 9000;

    private static int FullTextLength(Touchpoint t) =>
        CardText.Literal(t.CustomerAction).Length + CardText.Literal(t.PainText()).Length + CardText.Literal(t.Verbatim ?? "").Length;

    private const int ActionShown = 200;
    private const int PainShown = 120;

    private static string Where(Charter charter, Touchpoint t)
    {
        var stage = charter.Stages.FirstOrDefault(s => s.Id == t.StageId)?.Name ?? t.StageId;
        var department = charter.Departments.FirstOrDefault(d => d.Id == t.DepartmentId)?.Name ?? t.DepartmentId;
        return $"{CardText.Literal(CardText.Shorten(stage, 40))} · {CardText.Literal(CardText.Shorten(department, 40))} · {TouchpointCards.ChannelName(t.Channel)}";
    }

    private static string Describe(Charter charter, Touchpoint t) => $"{Where(charter, t)}: {CardText.Literal(CardText.Shorten(t.CustomerAction, 80))}";

    private static string Verified(Touchpoint t, DateOnly today) => t.LastVerifiedOn switch
    {
        { } v when v == today => "Verified today",
        { } v => $"Last verified {v:d MMM yyyy}",
        _ => "Never verified",
    };

    // A confirm or retire of one touchpoint: its ids and what the card showed of it.
    private static Dictionary<string, string> Decision(string programId, ReviewScope scope, int page, Touchpoint t) =>
        new(Data(programId, scope, page, t.Id)) { [SeenTags] = ReviewDecisions.Seen(t) };

    private static Dictionary<string, string> Data(string programId, ReviewScope scope, int page, string? touchpointId)
    {
        var data = new Dictionary<string, string> { [CardData.ProgramId] = programId, [CardData.Page] = page.ToString(CultureInfo.InvariantCulture) };
        if (scope.DepartmentId is { } department && !(scope.IsOwner && scope.Departments is null)) data[CardData.DepartmentId] = department;
        if (touchpointId is not null) data[CardData.TouchpointId] = touchpointId;
        return data;
    }
}
