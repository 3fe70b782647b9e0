using JourneyBot.Help;
using JourneyBot.Cards;

namespace JourneyBot.Conversations;

public sealed class WelcomeCards(HelpLink helpLink)
{
    public AdaptiveCard Build()
    {
        var card = new AdaptiveCard { FallbackText = "Welcome to JourneyBot. Type help to see what I can do." }
            .Add(
                new TextBlock("Welcome to JourneyBot") { Size = TextSize.Large, Weight = TextWeight.Bolder },
                new TextBlock("I run customer-journey-mapping programs right here in Teams. Program owners set the objective, " +
                              "the one journey being mapped and its stages; every department adds the touchpoints it owns; " +
                              "I keep the map alive with review reminders, nudges about gaps and progress cards for sponsors."),
                new TextBlock("How a program starts") { Weight = TextWeight.Bolder, Separator = true },
                new FactSet([
                    new Fact("1.", "An owner writes the charter: objective, definition of done, outcome metrics, sponsors, departments, personas and stages."),
                    new Fact("2.", "I invite each department's contacts to add the touchpoints they own."),
                    new Fact("3.", "Everyone sees coverage and map health as the map fills up."),
                ]),
                new TextBlock("Getting help") { Weight = TextWeight.Bolder, Separator = true },
                new TextBlock("Type **help** at any time to see what I can do today. In a channel or group chat, @mention me first."));
        card.AddActions(new CardExecuteAction("Show help", "help"));
        if (helpLink.Url is { } url) card.AddActions(new CardOpenUrlAction("Open the guide", url));
        return card;
    }
}
