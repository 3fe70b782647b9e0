using System.Text.Json.Nodes;
using JourneyBot.Bot;
using JourneyBot.Conversations;
using JourneyBot.Help;
using JourneyBot.Protocol;

namespace JourneyBot.Tests.Cards;

// Every card the bot can send, built the way the bot builds it. A new card kind is added here, so the card
// checks and the gallery cover it.
public static class CardCatalog
{
    public static IReadOnlyList<(string Name, JsonObject Card)> All()
    {
        var commands = new[] { new BotCommand("help", "Show this list of what I can do.", (_, _, _) => Task.CompletedTask) };
        var noLink = new HelpLink(null);
        var link = new HelpLink(new Uri("https://contoso.example.com/journeybot/guide"));
        return
        [
            ("welcome", new WelcomeCards(noLink).Build().ToJson()),
            ("welcome-with-guide", new WelcomeCards(link).Build().ToJson()),
            ("help", new HelpCards(commands, noLink).Build().ToJson()),
            ("help-with-guide", new HelpCards(commands, link).Build().ToJson()),
            ("unknown-action", NoticeCards.UnknownAction()),
        ];
    }

    public static JsonObject FromAttachment(Attachment attachment) => JsonNode.Parse(attachment.Content!.Value.GetRawText())!.AsObject();
}
