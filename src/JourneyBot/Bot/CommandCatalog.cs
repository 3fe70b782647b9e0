namespace JourneyBot.Bot;

// Every command and card verb the bot understands, gathered from the capabilities. Two capabilities claiming the
// same name is a start-up error, not a silent override.
public sealed class CommandCatalog
{
    public IReadOnlyList<ICommandSource> Sources { get; }
    public IReadOnlyList<BotCommand> Commands { get; }
    public IReadOnlyDictionary<string, CardVerb> Verbs { get; }
    // Teams sends the manifest's command id exactly as declared.
    public IReadOnlyDictionary<string, MessageCommand> MessageCommands { get; }
    private readonly Dictionary<string, IReadOnlyList<CommandWord>> _words;

    public CommandCatalog(IEnumerable<ICommandSource> sources)
    {
        Sources = sources.ToList();
        var commands = Sources.SelectMany(s => s.Commands).ToList();
        foreach (var name in commands.GroupBy(c => c.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key))
        {
            throw new InvalidOperationException($"Two capabilities register the command '{name}'.");
        }
        // Longest first, so "programs" is not read as "program" with an argument.
        Commands = commands.OrderByDescending(c => c.Name.Length).ToList();
        Verbs = Sources.SelectMany(s => s.Verbs).ToDictionary(v => v.Verb, StringComparer.OrdinalIgnoreCase);
        MessageCommands = Sources.SelectMany(s => s.MessageCommands).ToDictionary(c => c.Id, StringComparer.Ordinal);
        _words = Languages.Supported.ToDictionary(l => l, l => CommandWords.For(l, Commands));
    }

    // What a person whose Teams language is this may type: its words and the English ones.
    public IReadOnlyList<CommandWord> WordsIn(string language) => _words.GetValueOrDefault(language) ?? _words[Languages.English];
}
