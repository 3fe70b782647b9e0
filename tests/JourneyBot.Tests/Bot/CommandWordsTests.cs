using System.Globalization;
using System.Resources;
using JourneyBot.Bot;
using JourneyBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyBot.Tests.Bot;

// Commands in the person's language, through the real endpoint: each language's words beside the English ones,
// chosen from the activity's locale (by language, else English), with "did you mean" over both.
public sealed class CommandWordsTests(BotFixture fixture) : IClassFixture<BotFixture>
{
    private static string CardTitle(ConnectorCall call) =>
        call.Body!["attachments"]![0]!["content"]!["body"]![0]!["text"]!.GetValue<string>();

    private async Task<ConnectorCall> SayAsync(string text, string? locale)
    {
        var chat = fixture.NewConversation();
        var message = chat.Message(text);
        if (locale is null) message.Remove("locale");
        else message["locale"] = locale;
        await fixture.SendAsync(message);
        return Assert.Single(fixture.Channel.CallsFor(chat.ConversationId));
    }

    [Theory]
    [InlineData("de-DE", "hilfe")]
    [InlineData("de-AT", "Hilfe")]
    [InlineData("fr-FR", "aide")]
    [InlineData("fr-CA", "AIDE")]
    [InlineData("es-ES", "ayuda")]
    [InlineData("es-MX", "ayuda")]
    [InlineData("ja-JP", "ヘルプ")]
    [InlineData("de-DE", "help")]
    [InlineData("ja-JP", "help")]
    public async Task HelpAnswersToTheWordOfThePersonsLanguageAndToEnglish(string locale, string typed)
    {
        Assert.Equal(JourneyBot.Help.HelpCards.In(Languages.Of(locale))["Title"], CardTitle(await SayAsync(typed, locale)));
    }

    [Theory]
    [InlineData("de-DE", "programme", "Your programs")]
    [InlineData("ja-JP", "プログラム一覧", "Your programs")]
    [InlineData("es-ES", "programas", "Your programs")]
    public async Task ALongerWordIsNotReadAsAShorterOneWithAnArgument(string locale, string typed, string title)
    {
        Assert.Equal(title, CardTitle(await SayAsync(typed, locale)));
    }

    [Theory]
    [InlineData("en-US", "hilfe")]
    [InlineData("it-IT", "aide")]
    [InlineData(null, "ayuda")]
    public async Task AnotherLanguagesWordIsNotACommandWhereThatLanguageIsNotSpoken(string? locale, string typed)
    {
        var reply = await SayAsync(typed, locale);
        Assert.Contains("I don't know that one", reply.Body!["text"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("de-DE", "hilef", "hilfe")]
    [InlineData("de-DE", "touchpoint hinzufugen", "touchpoint hinzufügen")]
    [InlineData("fr-FR", "mes point de contact", "mes points de contact")]
    [InlineData("es-ES", "nuevo programma", "nuevo programa")]
    [InlineData("de-DE", "hepl", "help")]
    public async Task DidYouMeanWorksInThePersonsLanguage(string locale, string typed, string meant)
    {
        var text = (await SayAsync(typed, locale)).Body!["text"]!.GetValue<string>();
        Assert.Contains($"Did you mean **{meant}**?", text);
    }

    public static TheoryData<string> OtherLanguages => new(Languages.Supported.Where(l => l != Languages.English));

    // Every command the bot has, in every language: a word in that language's own file (not inherited from English),
    // and no word naming two commands (the catalog refuses to start then).
    [Theory]
    [MemberData(nameof(OtherLanguages))]
    public void EveryLanguageFileHasAWordForEveryCommandAndTheEnglishFileIsTheCommandsOwnNames(string language)
    {
        var catalog = fixture.Bot.Services.GetRequiredService<CommandCatalog>();
        var words = new ResourceManager("JourneyBot.Resources.CommandWords", typeof(CommandWords).Assembly);
        var own = words.GetResourceSet(CultureInfo.GetCultureInfo(language), createIfNotExists: true, tryParents: false)!;
        var english = words.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)!;
        foreach (var command in catalog.Commands)
        {
            Assert.Equal(command.Name, english.GetString(CommandWords.Key(command.Name)));
            Assert.False(string.IsNullOrWhiteSpace(own.GetString(CommandWords.Key(command.Name))), $"{language} has no word for '{command.Name}'");
        }
        var keys = own.Cast<System.Collections.DictionaryEntry>().Select(e => (string)e.Key).ToList();
        Assert.All(keys, k => Assert.Contains(catalog.Commands, c => CommandWords.Key(c.Name) == k));
        Assert.Equal(catalog.Commands.Count, catalog.WordsIn(language).Select(w => w.Command).Distinct().Count());
    }

    [Theory]
    [InlineData("de-DE", "de")]
    [InlineData("de_CH", "de")]
    [InlineData("FR", "fr")]
    [InlineData("ja", "ja")]
    [InlineData("pt-BR", "en")]
    [InlineData("", "en")]
    [InlineData(null, "en")]
    [InlineData("-", "en")]
    public void ALocaleGetsItsLanguageElseEnglish(string? locale, string language) => Assert.Equal(language, Languages.Of(locale));

    // Help in each language: its own words throughout, every command under the word that language types it with,
    // and not one English sentence of the help card left (every English help text and command description is
    // looked for).
    [Theory]
    [InlineData("de-DE", "Was JourneyBot kann", "Programme")]
    [InlineData("fr-FR", "Ce que JourneyBot sait faire", "Programmes")]
    [InlineData("es-ES", "Lo que JourneyBot puede hacer", "Programas")]
    [InlineData("ja-JP", "JourneyBot でできること", "プログラム一覧")]
    public async Task HelpIsInThePersonsLanguageWithNoEnglishLeft(string locale, string title, string button)
    {
        var language = Languages.Of(locale);
        var reply = await SayAsync(CommandWords.In(language, "help")!, locale);
        var card = reply.Body!["attachments"]![0]!["content"]!.AsObject();
        Assert.Equal(title, CardTitle(reply));
        var text = CardJson.Text(card);

        var catalog = fixture.Bot.Services.GetRequiredService<CommandCatalog>();
        var facts = card.ToJsonString();
        foreach (var command in catalog.Commands)
        {
            Assert.Contains(System.Text.Json.JsonSerializer.Serialize(CommandWords.In(language, command.Name)!), facts);
            Assert.DoesNotContain(command.Description, text);
        }
        var english = new ResourceManager("JourneyBot.Resources.HelpTexts", typeof(CommandWords).Assembly)
            .GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)!;
        foreach (System.Collections.DictionaryEntry entry in english)
        {
            if ((string)entry.Key is "Summary" or "Fallback") continue;
            Assert.DoesNotContain((string)entry.Value!, text);
        }
        Assert.Contains("\"title\":" + System.Text.Json.JsonSerializer.Serialize(button), facts);
        // The button still runs the command by its English name.
        Assert.Contains("\"command\":\"programs\"", facts);
    }

    [Theory]
    [MemberData(nameof(OtherLanguages))]
    public void EveryHelpFileHasEveryTextAndADescriptionForEveryCommand(string language)
    {
        var catalog = fixture.Bot.Services.GetRequiredService<CommandCatalog>();
        var resources = new ResourceManager("JourneyBot.Resources.HelpTexts", typeof(CommandWords).Assembly);
        var english = resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)!
            .Cast<System.Collections.DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);
        var own = resources.GetResourceSet(CultureInfo.GetCultureInfo(language), createIfNotExists: true, tryParents: false)!
            .Cast<System.Collections.DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);
        var wanted = english.Keys.Concat(catalog.Commands.Select(c => JourneyBot.Help.HelpCards.DescriptionKey(c.Name))).ToHashSet();
        Assert.Equal(wanted.Order(), own.Keys.Order());
        Assert.All(english, e => Assert.NotEqual(e.Value, own[e.Key]));
        Assert.All(own.Values, v => Assert.False(string.IsNullOrWhiteSpace(v)));
    }
}
