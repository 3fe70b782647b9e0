using System.Globalization;
using System.Resources;
using JourneyBot.Bot;
using JourneyBot.Conversations;
using JourneyBot.Tests.Infrastructure;

namespace JourneyBot.Tests.Conversations;

// The welcome an install gets, through the real endpoint, in the language of the person who installed.
public sealed class WelcomeLanguageTests(BotFixture fixture) : IClassFixture<BotFixture>
{
    [Theory]
    [InlineData("de-DE", "Willkommen bei JourneyBot", "**hilfe**", "Hilfe anzeigen")]
    [InlineData("fr-FR", "Bienvenue dans JourneyBot", "**aide**", "Afficher l'aide")]
    [InlineData("es-MX", "Bienvenido a JourneyBot", "**ayuda**", "Mostrar la ayuda")]
    [InlineData("ja-JP", "JourneyBot へようこそ", "**ヘルプ**", "ヘルプを表示")]
    [InlineData("pt-BR", "Welcome to JourneyBot", "**help**", "Show help")]
    public async Task TheWelcomeIsInTheInstallersLanguageAndNamesTheHelpWordOfIt(string locale, string title, string helpWord, string button)
    {
        var chat = fixture.NewConversation();
        var install = chat.Installation("add");
        install["locale"] = locale;

        await fixture.SendAsync(install);

        var welcome = Assert.Single(fixture.Channel.CallsFor(chat.ConversationId)).Body!;
        var card = welcome["attachments"]![0]!["content"]!;
        Assert.Equal(title, card["body"]![0]!["text"]!.GetValue<string>());
        var texts = card["body"]!.AsArray().Select(b => b!["text"]?.GetValue<string>()).Where(t => t is not null).ToList();
        Assert.Contains(texts, t => t!.Contains(helpWord, StringComparison.Ordinal));
        Assert.Equal(button, card["actions"]![0]!["title"]!.GetValue<string>());
        Assert.Equal("help", card["actions"]![0]!["verb"]!.GetValue<string>());
        Assert.Equal(title, welcome["summary"]?.GetValue<string>() ?? title);
    }

    public static TheoryData<string> OtherLanguages => new(Languages.Supported.Where(l => l != Languages.English));

    [Theory]
    [MemberData(nameof(OtherLanguages))]
    public void EveryWelcomeFileTranslatesEveryText(string language)
    {
        var resources = new ResourceManager("JourneyBot.Resources.WelcomeTexts", typeof(WelcomeCards).Assembly);
        var english = resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)!
            .Cast<System.Collections.DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);
        var own = resources.GetResourceSet(CultureInfo.GetCultureInfo(language), createIfNotExists: true, tryParents: false)!
            .Cast<System.Collections.DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);
        Assert.Equal(english.Keys.Order(), own.Keys.Order());
        Assert.All(english, e => Assert.NotEqual(e.Value, own[e.Key]));
        // The help word goes where each language puts it.
        Assert.All(new[] { "Fallback", "HelpText" }, k => Assert.Contains("{0}", own[k]));
    }
}
