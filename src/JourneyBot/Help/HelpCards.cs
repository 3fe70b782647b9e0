using System.Resources;
using JourneyBot.Bot;
using JourneyBot.Cards;

namespace JourneyBot.Help;

// The help card in the person's language (Resources/HelpTexts.<language>.resx): each command under the word that
// language types it with, and its description; a button still sends the command's English name.
public sealed class HelpCards(HelpLink helpLink)
{
    public const string CommandKey = "command";
    public const string OutOfDate = "OutOfDate";
    private static readonly ResourceManager Resources = new("JourneyBot.Resources.HelpTexts", typeof(HelpCards).Assembly);

    // In the order a program lives: set up, collect, look, review, act; then the rest.
    private static readonly WorkflowStep[] Steps =
        [WorkflowStep.SetUp, WorkflowStep.Collect, WorkflowStep.Look, WorkflowStep.Review, WorkflowStep.Act, WorkflowStep.General];

    public static Texts In(string language) => new(Resources, language);

    // noteKey: a warning shown above the list, by its key in the help texts.
    public AdaptiveCard Build(IEnumerable<BotCommand> commands, string language, string? noteKey = null)
    {
        var texts = In(language);
        var all = commands.ToList();
        var card = new AdaptiveCard { FallbackText = texts["Fallback"] }
            .Add(
                new TextBlock(texts["Title"]) { Size = TextSize.Large, Weight = TextWeight.Bolder },
                new TextBlock(texts["Intro"]));
        if (noteKey is not null) card.Add(new TextBlock(texts[noteKey]) { Color = TextColor.Warning });
        foreach (var step in Steps)
        {
            var here = all.Where(c => c.Step == step).ToList();
            if (here.Count == 0) continue;
            var items = new List<CardElement>
            {
                new TextBlock(texts["Step_" + step]) { Weight = TextWeight.Bolder },
                new FactSet(here.Select(c => new Fact(Word(c, language), Description(c, texts))).ToArray()) { Spacing = "none" },
            };
            var buttons = here.Where(c => !c.TakesArgument && c.Name != "help")
                .Select(c => (CardAction)new CardExecuteAction(Capitalised(Word(c, language)), CardVerbs.HelpRun)
                {
                    Data = new Dictionary<string, string> { [CommandKey] = c.Name },
                }).ToList();
            if (buttons.Count > 0) items.Add(new ActionSet(buttons));
            // The message action is no command to type: say where Teams shows it.
            if (step == WorkflowStep.Collect) items.Add(new TextBlock(texts["MessageAction"]) { IsSubtle = true });
            card.Add(new Container(items) { Separator = true });
        }
        if (helpLink.Url is { } url) card.AddActions(new CardOpenUrlAction(texts["OpenGuide"], url));
        return card;
    }

    public static string DescriptionKey(string commandName) => "cmd_" + CommandWords.Key(commandName);

    private static string Word(BotCommand command, string language) => CommandWords.For(language, command.Name);

    private static string Description(BotCommand command, Texts texts) =>
        texts.Own(DescriptionKey(command.Name)) ?? command.Description;

    private static string Capitalised(string name) => char.ToUpperInvariant(name[0]) + name[1..];
}
