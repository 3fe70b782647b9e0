using JourneyBot.Bot;
using JourneyBot.Protocol;
using JourneyBot.Cards;
using static JourneyBot.Cards.CardResponses;

namespace JourneyBot.Help;

// help: every command the bot understands, in workflow order, with a button for each that needs nothing typed after
// it. The catalog is read when help is asked for, since it lists help too.
public sealed class HelpHandler(HelpCards help, Lazy<CommandCatalog> catalog) : ICommandSource
{
    public IEnumerable<BotCommand> Commands =>
        [new("help", "Show this list of what I can do.", (turn, _, ct) =>
            turn.SendActivityAsync(help.Build(catalog.Value.Commands, LanguageOf(turn)).ToActivity(HelpCards.In(LanguageOf(turn))["Summary"]), ct))];

    public IEnumerable<CardVerb> Verbs =>
    [
        new("help", (turn, _, _) => Task.FromResult(Card(help.Build(catalog.Value.Commands, LanguageOf(turn))))),
        new(CardVerbs.HelpRun, RunAsync),
    ];

    // A help button does what typing the command does: its answer arrives as a message; the help card stays.
    private async Task<InvokeResponse> RunAsync(TurnContext turn, AdaptiveCardAction action, CancellationToken cancellationToken)
    {
        var name = action.GetString(HelpCards.CommandKey);
        var command = catalog.Value.Commands.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
        if (command is null || command.TakesArgument || command.Name == "help")
        {
            return Card(help.Build(catalog.Value.Commands, LanguageOf(turn), HelpCards.OutOfDate));
        }
        await command.RunAsync(turn, "", cancellationToken);
        return Card(help.Build(catalog.Value.Commands, LanguageOf(turn)));
    }

    private static string LanguageOf(TurnContext turn) => Languages.Of(turn.Activity.Locale);
}
