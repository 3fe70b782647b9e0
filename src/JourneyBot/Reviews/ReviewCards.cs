using System.Globalization;
using JourneyBot.Cards;
using JourneyBot.Domain;
using JourneyBot.Touchpoints;

namespace JourneyBot.Reviews;

// The review walk-through: a page of touchpoints, each confirmed, retired or edited in place.
public static class ReviewCards
{
    public const string StartVerb = "review.start";
    public const string PageVerb = "review.page";
    public const string ConfirmVerb = "review.confirm";
    public const string ConfirmPageVerb = "review.confirmPage";
    public const string RetireVerb = "review.retire";
    public const string CompleteVerb = "review.complete";
    public const int PageSize = 5;

    public static AdaptiveCard Page(JourneyProgram program, ReviewScope scope, int page, string caller, DateOnly today, string? note = null)
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
            new TextBlock("Is each still what the customer meets today? Confirm it, retire it if it no longer happens, or edit what changed."));
        if (note is not null) card.Add(new TextBlock(CardText.Literal(note)) { Color = TextColor.Warning });
        if (all.Count == 0) card.Add(new TextBlock("There are no touchpoints to review here yet."));

        var stages = charter.Stages.ToDictionary(s => s.Id, s => s.Name, StringComparer.Ordinal);
        var departments = charter.Departments.ToDictionary(d => d.Id, d => d.Name, StringComparer.Ordinal);
        foreach (var t in shown)
        {
            var data = Data(program.Id, scope, page, t.Id);
            var actions = new List<CardAction>
            {
                new CardExecuteAction(t.LastVerifiedOn == today ? "Confirmed ✓" : "Confirm", ConfirmVerb) { Data = data },
                new CardExecuteAction("Retire", RetireVerb) { Data = data },
            };
            if (scope.IsOwner || t.CreatedBy.AadObjectId == caller)
            {
                actions.Add(new CardExecuteAction("Edit", MyTouchpointsCards.EditVerb) { Data = new Dictionary<string, string> { [CardData.ProgramId] = program.Id, [CardData.TouchpointId] = t.Id } });
            }
            if (t.HasPainPoints())
            {
                actions.Add(new CardExecuteAction("Create action", Actions.ActionCards.NewVerb) { Data = new Dictionary<string, string> { [CardData.ProgramId] = program.Id, [CardData.TouchpointId] = t.Id } });
            }
            card.Add(new Container([
                new TextBlock($"{CardText.Literal(CardText.Shorten(stages.GetValueOrDefault(t.StageId, t.StageId), 40))} · {CardText.Literal(CardText.Shorten(departments.GetValueOrDefault(t.DepartmentId, t.DepartmentId), 40))} · {TouchpointCards.ChannelName(t.Channel)}") { Weight = TextWeight.Bolder },
                new TextBlock(CardText.Literal(CardText.Shorten(t.CustomerAction, 200))) { Spacing = "none" },
                new TextBlock(Verified(t, today) + (t.HasPainPoints() ? $" · Pain: {CardText.Literal(CardText.Shorten(t.PainPoints!, 80))}" : "")) { IsSubtle = true, Size = TextSize.Small, Spacing = "none" },
                new ActionSet(actions),
            ]) { Separator = true });
        }

        if (shown.Count > 0)
        {
            card.AddActions(new CardExecuteAction("Confirm all on this page", ConfirmPageVerb)
            {
                Data = new Dictionary<string, string>(Data(program.Id, scope, page, null)) { ["touchpointIds"] = string.Join(",", shown.Select(t => t.Id)) },
            });
        }
        if (page > 0) card.AddActions(new CardExecuteAction("Previous", PageVerb) { Data = Data(program.Id, scope, page - 1, null) });
        if (page < pages - 1) card.AddActions(new CardExecuteAction("Next", PageVerb) { Data = Data(program.Id, scope, page + 1, null) });
        if (scope.IsOwner) card.AddActions(new CardExecuteAction("Complete review", CompleteVerb) { Style = "positive", Data = new Dictionary<string, string> { [CardData.ProgramId] = program.Id } });
        return card;
    }

    public static AdaptiveCard Completed(JourneyProgram program, Review review, DateOnly nextDue, Uri? mapLink = null)
    {
        var snapshot = review.Snapshot!;
        var verified = program.ActiveTouchpoints().Count(t => t.LastVerifiedOn == review.CompletedOn);
        var card = new AdaptiveCard { FallbackText = $"Review of {program.Charter.Name} completed" }
            .Add(
                new TextBlock($"Review completed: {CardText.Literal(program.Charter.Name)}") { Size = TextSize.Medium, Weight = TextWeight.Bolder, Color = TextColor.Good },
                new FactSet([
                    new Fact("Completed", $"{review.CompletedOn:d MMM yyyy} by {CardText.Literal(review.By.DisplayName)}"),
                    new Fact("Verified today", $"{verified} of {snapshot.Touchpoints} active touchpoints"),
                    new Fact("Evidence-backed", CardText.Percent(snapshot.EvidenceShare)),
                    new Fact("Checks ok", $"{snapshot.ChecksOk()} of {snapshot.Health.Count}"),
                    new Fact("Next review", nextDue.ToString("d MMM yyyy", CultureInfo.InvariantCulture)),
                ]),
                new TextBlock("A snapshot of the map was saved, so the next progress cards show what changed.") { IsSubtle = true });
        if (mapLink is not null) card.AddActions(new CardOpenUrlAction("Open the map", mapLink));
        return card;
    }

    private static string Verified(Touchpoint t, DateOnly today) => t.LastVerifiedOn switch
    {
        { } v when v == today => "Verified today",
        { } v => $"Last verified {v:d MMM yyyy}",
        _ => "Never verified",
    };

    private static Dictionary<string, string> Data(string programId, ReviewScope scope, int page, string? touchpointId)
    {
        var data = new Dictionary<string, string> { [CardData.ProgramId] = programId, [CardData.Page] = page.ToString(CultureInfo.InvariantCulture) };
        if (scope.DepartmentId is { } department && !(scope.IsOwner && scope.Departments is null)) data[CardData.DepartmentId] = department;
        if (touchpointId is not null) data[CardData.TouchpointId] = touchpointId;
        return data;
    }
}
