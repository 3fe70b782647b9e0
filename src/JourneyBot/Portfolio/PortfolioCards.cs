using JourneyBot.Cards;

namespace JourneyBot.Portfolio;

// The portfolio in chat: the programs that most need attention first, a page at a time so the card stays small
// however many programs a person has.
public static class PortfolioCards
{
    public const int PageSize = 8;

    public static AdaptiveCard Build(IReadOnlyList<PortfolioRow> rows, int page, bool admin, Func<string, Uri?> mapLink,
        Uri? portfolioLink = null)
    {
        var pages = Math.Max(1, (rows.Count + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 0, pages - 1);
        var card = new AdaptiveCard { FallbackText = "Your portfolio of journey-mapping programs" };
        var attention = rows.Count(r => r.Failing.Count > 0 || r.OverdueActions > 0 || r.ReviewOverdue);
        card.Add(
            new TextBlock("Portfolio") { Size = TextSize.Medium, Weight = TextWeight.Bolder },
            new TextBlock(rows.Count == 0
                ? "You are not part of any journey-mapping program yet. A program owner adds you as a department " +
                  "contact, owner or sponsor."
                : $"{Programs(rows.Count)}, {attention} needing attention (failing checks, overdue actions or an " +
                  "overdue review); the ones that need it most come first.") { Spacing = "none" });
        if (admin)
        {
            card.Add(new TextBlock("You are in the portfolio admin group, so every program of your organisation is " +
                                   "listed.") { IsSubtle = true, Size = TextSize.Small });
        }
        foreach (var row in rows.Skip(page * PageSize).Take(PageSize))
        {
            var facts = new List<Fact>
            {
                new("Health", CardText.Literal(CardText.Shorten(PortfolioText.Health(row), 200))),
                new("Customers feel", CardText.Literal(CardText.Shorten(PortfolioText.Emotion(row), 120))),
                new("Overdue actions", row.OverdueActions.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new("Last review", PortfolioText.Review(row)),
            };
            facts.AddRange(row.Metrics.Take(3).Select(m => new Fact("Outcome",
                CardText.Literal(CardText.Shorten(PortfolioText.Metric(m), 160)))));
            if (row.Metrics.Count > 3) facts.Add(new Fact("Outcome", $"and {row.Metrics.Count - 3} more on the map"));
            var items = new List<CardElement>
            {
                new TextBlock($"{CardText.Literal(CardText.Shorten(row.Name, 80))} · {PortfolioText.Roles(row.Roles)}")
                { Weight = TextWeight.Bolder, Color = row.Failing.Count > 0 ? TextColor.Attention : TextColor.Default },
                new FactSet(facts),
            };
            if (mapLink(row.ProgramId) is { } link)
            {
                items.Add(new ActionSet([new CardOpenUrlAction("Open the map", link)]));
            }
            card.Add(new Container(items) { Separator = true });
        }
        if (pages > 1)
        {
            card.Add(new TextBlock($"Page {page + 1} of {pages}.") { IsSubtle = true, Size = TextSize.Small });
            var actions = new List<CardAction>();
            if (page > 0) actions.Add(Page("Previous", page - 1));
            if (page < pages - 1) actions.Add(Page("Next", page + 1));
            card.AddActions([.. actions]);
        }
        if (portfolioLink is not null) card.AddActions(new CardOpenUrlAction("Open the portfolio tab", portfolioLink));
        return card;
    }

    private static CardExecuteAction Page(string title, int page) => new(title, CardVerbs.PortfolioPage)
    {
        Data = new Dictionary<string, string>
        {
            [CardData.Page] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
        },

    };

    private static string Programs(int n) => n == 1 ? "1 program" : $"{n} programs";
}
