using System.Text.Json.Nodes;
using JourneyBot.Cards;

namespace JourneyBot.Bot;

public static class NoticeCards
{
    // Shown in place of a card whose button the bot no longer (or never) understood.
    public static JsonObject UnknownAction() => new AdaptiveCard { FallbackText = "That button is not available any more." }
        .Add(
            new TextBlock("That button is not available any more") { Weight = TextWeight.Bolder, Color = TextColor.Warning },
            new TextBlock("This card may be from an older version of JourneyBot. Nothing was changed. Type **help** to see what you can do now."))
        .AddActions(new CardExecuteAction("Show help", "help"))
        .ToJson();
}
