using JourneyBot.Bot;
using JourneyBot.Cards;

namespace JourneyBot.Help;

public sealed class HelpCards(HelpLink helpLink)
{
    public AdaptiveCard Build(IEnumerable<BotCommand> commands)
    {
        var card = new AdaptiveCard { FallbackText = "JourneyBot help: the commands I understand." }
            .Add(
                new TextBlock("What JourneyBot can do") { Size = TextSize.Large, Weight = TextWeight.Bolder },
                new TextBlock("Type one of these commands. In a channel or group chat, @mention me first."),
                new FactSet(commands.OrderBy(c => c.Name, StringComparer.Ordinal).Select(c => new Fact(c.Name, c.Description)).ToArray()));
        if (helpLink.Url is { } url) card.AddActions(new CardOpenUrlAction("Open the guide", url));
        return card;
    }
}
