using System.Resources;

namespace JourneyBot.Bot;

// A command as a person may type it: the word and the command it names.
public sealed record CommandWord(string Word, BotCommand Command);

// Each language's words for the chat commands (Resources/CommandWords.<language>.resx, keyed by the English command
// with spaces as _), beside the English ones, which always work. The manifest's command menu in each language sends
// these same words.
public static class CommandWords
{
    private static readonly ResourceManager Words = new("JourneyBot.Resources.CommandWords", typeof(CommandWords).Assembly);

    public static string Key(string commandName) => commandName.Replace(' ', '_');

    // The word in that language's own file, or null when it has none (the English name is then the only word).
    public static string? In(string language, string commandName) => new Texts(Words, language).Own(Key(commandName));

    // What a person of that language types for the command: its word there, else the English name.
    public static string For(string language, string commandName) => In(language, commandName) ?? commandName;

    // English names and the language's words, longest first (so "programs" is not read as "program" with an argument).
    // A word naming two commands is a start-up error.
    public static IReadOnlyList<CommandWord> For(string language, IReadOnlyList<BotCommand> commands)
    {
        var words = new Dictionary<string, CommandWord>(StringComparer.OrdinalIgnoreCase);
        void Add(string word, BotCommand command)
        {
            if (words.TryGetValue(word, out var taken) && taken.Command != command)
            {
                throw new InvalidOperationException($"'{word}' names both '{taken.Command.Name}' and '{command.Name}' in {language}.");
            }
            words[word] = new CommandWord(word, command);
        }
        foreach (var command in commands) Add(command.Name, command);
        foreach (var command in commands)
        {
            if (In(language, command.Name) is { Length: > 0 } word) Add(word, command);
        }
        return words.Values.OrderByDescending(w => w.Word.Length).ToList();
    }
}
