using JourneyBot.Cards;
using JourneyBot.Domain;

namespace JourneyBot.Programs;

public static class ProgramCards
{
    public const int ProgramsPerCard = 10;

    // Shown when the caller may not do what they asked; says why and what they can do instead. The reason is the
    // app's own words, Markdown included ("Type **program**"): a name in it is escaped by whoever writes it.
    public static AdaptiveCard Refusal(string reason) => new AdaptiveCard { FallbackText = reason }
        .Add(
            new TextBlock("That can't be done from here") { Weight = TextWeight.Bolder, Color = TextColor.Attention },
            new TextBlock(reason),
            new TextBlock("Nothing was changed.") { IsSubtle = true });

    public static AdaptiveCard List(IReadOnlyList<MembershipRow> memberships, string? activeProgramId)
    {
        var card = new AdaptiveCard { FallbackText = "Your journey-mapping programs" };
        card.Add(new TextBlock("Your programs") { Size = TextSize.Medium, Weight = TextWeight.Bolder });
        if (memberships.Count == 0)
        {
            card.Add(new TextBlock("You are not part of any program yet. A program owner adds you as a department contact, owner or sponsor."));
            return card;
        }
        foreach (var membership in memberships.OrderBy(m => m.ProgramName, StringComparer.OrdinalIgnoreCase).Take(ProgramsPerCard))
        {
            var active = membership.RowKey == activeProgramId;
            var name = new Column([
                new TextBlock(CardText.Literal(membership.ProgramName) + (active ? " (active here)" : "")) { Weight = active ? TextWeight.Bolder : TextWeight.Default },
                new TextBlock(RolesText(membership.Roles)) { IsSubtle = true, Size = TextSize.Small, Spacing = "none" },
            ]);
            // The program this conversation already works on needs no "Use here".
            card.Add(new ColumnSet(active
                ? [name]
                : [name, new Column([new ActionSet([new CardExecuteAction("Use here", CardVerbs.ProgramUse) { Data = new Dictionary<string, string> { [CardData.ProgramId] = membership.RowKey } }])]) { Width = "auto" }])
            { Separator = true });
        }
        if (memberships.Count > ProgramsPerCard)
        {
            card.Add(new TextBlock($"And {memberships.Count - ProgramsPerCard} more: type **use** and the program's name.") { IsSubtle = true });
        }
        return card;
    }

    public static AdaptiveCard NowUsing(string programName) => new AdaptiveCard { FallbackText = $"Now working on {programName}" }
        .Add(
            new TextBlock($"This conversation now works on \"{CardText.Literal(programName)}\"") { Weight = TextWeight.Bolder },
            new TextBlock("Type **add touchpoint**, **map** or **health**."));

    private static string RolesText(string roles) =>
        Enum.TryParse<ProgramRole>(roles, out var parsed)
            ? string.Join(", ", Enum.GetValues<ProgramRole>().Where(r => r != ProgramRole.None && parsed.HasFlag(r)).Select(r => r.ToString().ToLowerInvariant()))
            : roles;
}
