using JourneyBot.Bot;
using JourneyBot.Protocol;
using static JourneyBot.Cards.CardResponses;

namespace JourneyBot.Help;

// help: every command the bot understands. The catalog is read when help is asked for, since it lists help too.
public sealed class HelpHandler(HelpCards help, Lazy<CommandCatalog> catalog) : ICommandSource
{
    public IEnumerable<BotCommand> Commands =>
        [new("help", "Show this list of what I can do.", (turn, _, ct) => turn.SendActivityAsync(help.Build(catalog.Value.Commands).ToActivity("JourneyBot help"), ct))];

    public IEnumerable<CardVerb> Verbs => [new("help", (_, _, _) => Task.FromResult(Card(help.Build(catalog.Value.Commands))))];
}
