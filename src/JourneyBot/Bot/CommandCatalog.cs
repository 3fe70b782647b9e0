using JourneyBot.Help;
using JourneyBot.Protocol;
using static JourneyBot.Cards.CardResponses;

namespace JourneyBot.Bot;

// Every command and card verb the bot understands, gathered from the capabilities, plus help, which lists
// them. Two capabilities claiming the same name is a start-up error, not a silent override.
public sealed class CommandCatalog
{
    public IReadOnlyList<BotCommand> Commands { get; }
    public IReadOnlyDictionary<string, CardVerb> Verbs { get; }

    public CommandCatalog(IEnumerable<ICommandSource> sources, HelpCards help)
    {
        var sourceList = sources.ToList();
        List<BotCommand> commands =
        [
            new("help", "Show this list of what I can do.", (turn, _, ct) => turn.SendActivityAsync(help.Build(Commands!).ToActivity("JourneyBot help"), ct)),
            .. sourceList.SelectMany(s => s.Commands),
        ];
        List<CardVerb> verbs =
        [
            new("help", (_, _, _) => Task.FromResult(Card(help.Build(Commands!)))),
            .. sourceList.SelectMany(s => s.Verbs),
        ];
        foreach (var name in commands.GroupBy(c => c.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key))
        {
            throw new InvalidOperationException($"Two capabilities register the command '{name}'.");
        }
        // Longest first, so "programs" is not read as "program" with an argument.
        Commands = commands.OrderByDescending(c => c.Name.Length).ToList();
        Verbs = verbs.ToDictionary(v => v.Verb, StringComparer.OrdinalIgnoreCase);
    }
}
