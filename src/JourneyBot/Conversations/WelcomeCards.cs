using System.Resources;
using JourneyBot.Bot;
using JourneyBot.Help;
using JourneyBot.Cards;

namespace JourneyBot.Conversations;

// The card a new install gets, in the language of the person who installed (Resources/WelcomeTexts.<language>.resx),
// naming the help command by that language's word.
public sealed class WelcomeCards(HelpLink helpLink)
{
    private static readonly ResourceManager Resources = new("JourneyBot.Resources.WelcomeTexts", typeof(WelcomeCards).Assembly);

    public static Texts In(string language) => new(Resources, language);

    public AdaptiveCard Build(string language = Languages.English)
    {
        var texts = In(language);
        var help = CardText.Literal(CommandWords.For(language, "help"));
        var card = new AdaptiveCard { FallbackText = string.Format(System.Globalization.CultureInfo.InvariantCulture, texts["Fallback"], help) }
            .Add(
                new TextBlock(texts["Title"]) { Size = TextSize.Large, Weight = TextWeight.Bolder },
                new TextBlock(texts["Intro"]),
                new TextBlock(texts["StartsTitle"]) { Weight = TextWeight.Bolder, Separator = true },
                new FactSet([new Fact("1.", texts["Step1"]), new Fact("2.", texts["Step2"]), new Fact("3.", texts["Step3"])]),
                new TextBlock(texts["HelpTitle"]) { Weight = TextWeight.Bolder, Separator = true },
                new TextBlock(string.Format(System.Globalization.CultureInfo.InvariantCulture, texts["HelpText"], help)));
        card.AddActions(new CardExecuteAction(texts["ShowHelp"], "help"));
        if (helpLink.Url is { } url) card.AddActions(new CardOpenUrlAction(texts["OpenGuide"], url));
        return card;
    }
}
