using System.Globalization;
using JourneyBot.Cards;
using JourneyBot.Domain;

namespace JourneyBot.Deletion;

public static class DeletionCards
{
    public const string ConfirmInput = "confirmName";

    // Typing the name, not pressing a button, is what confirms: a delete must never be one stray click.
    public static AdaptiveCard Ask(string programId, string programName, string? typed = null, string? problem = null)
    {
        var card = new AdaptiveCard { FallbackText = $"Delete {programName}?" };
        card.Add(
            new TextBlock($"Delete \"{CardText.Literal(programName)}\"?")
            {
                Size = TextSize.Medium, Weight = TextWeight.Bolder
            },
            new TextBlock("After a day, the map, its touchpoints, actions, reviews, snapshots and everyone's "
                + "membership are deleted, and no more reminders or progress cards go out for it. "
                + "Until then, Undo brings everything back. To keep a copy, download the program's JSON "
                + "from the map tab first (type **map**, then Open the map)."),
            new InputText(ConfirmInput, "Type the program's name to confirm")
            {
                Value = typed, MaxLength = TextLimits.Name, IsRequired = true,
            });
        if (problem is not null) card.Add(new TextBlock(problem) { Color = TextColor.Attention });
        card.AddActions(new CardExecuteAction("Delete the program", CardVerbs.ProgramDelete)
        {
            Style = "destructive",
            Data = new Dictionary<string, string> { [CardData.ProgramId] = programId },
        });
        return card;
    }

    public static AdaptiveCard Pending(string programId, string programName, DateTimeOffset dueAt) =>
        new AdaptiveCard { FallbackText = $"{programName} will be deleted" }
            .Add(
                new TextBlock($"\"{CardText.Literal(programName)}\" will be deleted on {When(dueAt)}")
                {
                    Weight = TextWeight.Bolder, Color = TextColor.Attention,
                },
                new TextBlock("Until then it works as before. Undo keeps it; any owner can undo "
                    + "(type **delete program** to see this card again)."))
            .AddActions(new CardExecuteAction("Undo", CardVerbs.ProgramDeleteUndo)
            {
                Data = new Dictionary<string, string>
                {
                    [CardData.ProgramId] = programId,
                    ["dueAt"] = dueAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
                },
            });

    public static AdaptiveCard Undone(string programName) =>
        new AdaptiveCard { FallbackText = $"{programName} is kept" }
            .Add(
                new TextBlock($"\"{CardText.Literal(programName)}\" is kept") { Weight = TextWeight.Bolder },
                new TextBlock("Nothing will be deleted. Type **delete program** if you change your mind."));

    private static string When(DateTimeOffset at) =>
        at.UtcDateTime.ToString("d MMMM yyyy, HH:mm", CultureInfo.InvariantCulture) + " UTC";
}
