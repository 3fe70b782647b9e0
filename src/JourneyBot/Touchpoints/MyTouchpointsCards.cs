using JourneyBot.Cards;
using JourneyBot.Domain;
using JourneyBot.Programs;

namespace JourneyBot.Touchpoints;

public static class MyTouchpointsCards
{
    public const int PageSize = 5;

    public static AdaptiveCard List(ProgramHeader program, IReadOnlyList<StoredTouchpoint> mine, int page, string? notice = null)
    {
        var charter = program.Charter;
        var pages = Math.Max(1, (mine.Count + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 0, pages - 1);
        var card = new AdaptiveCard { FallbackText = "Your touchpoints" };
        card.Add(
            new TextBlock($"Your touchpoints: {CardText.Literal(charter.Name)}") { Size = TextSize.Medium, Weight = TextWeight.Bolder },
            new TextBlock(mine.Count == 0 ? "You have not added any touchpoints yet. Type **add touchpoint**." : $"{mine.Count} in all, newest first (page {page + 1} of {pages}).") { IsSubtle = true });
        // A notice is the app's own words, Markdown included ("Type **program**"): a name in it is escaped by whoever writes it.
        if (notice is not null) card.Add(new TextBlock(notice) { Color = TextColor.Good });
        foreach (var stored in mine.Skip(page * PageSize).Take(PageSize))
        {
            var t = stored.Touchpoint;
            var stage = charter.Stages.FirstOrDefault(s => s.Id == t.StageId)?.Name ?? "(stage removed)";
            var department = charter.Departments.FirstOrDefault(d => d.Id == t.DepartmentId)?.Name ?? "(department removed)";
            var ids = new Dictionary<string, string> { [CardData.ProgramId] = program.Id, [CardData.TouchpointId] = t.Id };
            card.Add(new Container([
                new TextBlock(CardText.Literal($"{CardText.Shorten(stage, 40)} · {CardText.Shorten(department, 40)}")) { Weight = TextWeight.Bolder, Size = TextSize.Small },
                new TextBlock(CardText.Literal(CardText.Shorten(t.CustomerAction, 160))) { Spacing = "none" },
                new ActionSet([new CardExecuteAction("Edit", CardVerbs.TouchpointEdit) { Data = ids }, new CardExecuteAction("Delete", CardVerbs.TouchpointAskDelete) { Data = ids }]),
            ]) { Separator = true });
        }
        if (page > 0) card.AddActions(Page("Newer", program.Id, page - 1));
        if (page < pages - 1) card.AddActions(Page("Older", program.Id, page + 1));
        return card;
    }

    public static AdaptiveCard ConfirmDelete(ProgramHeader program, StoredTouchpoint stored) =>
        new AdaptiveCard { FallbackText = "Delete this touchpoint?" }
            .Add(
                new TextBlock("Delete this touchpoint?") { Size = TextSize.Medium, Weight = TextWeight.Bolder, Color = TextColor.Attention },
                new TextBlock(CardText.Literal(CardText.Shorten(stored.Touchpoint.CustomerAction, 300))),
                new TextBlock("It leaves the map and the counts. If it is only out of date, edit it instead.") { IsSubtle = true })
            .AddActions(
                new CardExecuteAction("Delete", CardVerbs.TouchpointDelete)
                {
                    Style = "destructive",
                    Data = new Dictionary<string, string> { [CardData.ProgramId] = program.Id, [CardData.TouchpointId] = stored.Touchpoint.Id, [CardData.ETag] = stored.ETag.ToString() },
                },
                Page("Keep it", program.Id, 0));

    private static CardExecuteAction Page(string title, string programId, int page) =>
        new(title, CardVerbs.MyTouchpoints) { Data = new Dictionary<string, string> { [CardData.ProgramId] = programId, [CardData.Page] = page.ToString(System.Globalization.CultureInfo.InvariantCulture) } };
}
