using JourneyBot.Bot;
using JourneyBot.Cards;

namespace JourneyBot.Help;

public sealed class HelpCards(HelpLink helpLink)
{
    public const string CommandKey = "command";

    // In the order a program lives: set up, collect, look, review, act; then the rest.
    private static readonly (WorkflowStep Step, string Title)[] Steps =
    [
        (WorkflowStep.SetUp, "Step 1: set up a program"), (WorkflowStep.Collect, "Step 2: collect touchpoints"), (WorkflowStep.Look, "Step 3: look at the map"),
        (WorkflowStep.Review, "Step 4: review it regularly"), (WorkflowStep.Act, "Step 5: act on pain points"), (WorkflowStep.General, "Anytime"),
    ];

    public AdaptiveCard Build(IEnumerable<BotCommand> commands, string? note = null)
    {
        var all = commands.ToList();
        var card = new AdaptiveCard { FallbackText = "JourneyBot help: the commands I understand." }
            .Add(
                new TextBlock("What JourneyBot can do") { Size = TextSize.Large, Weight = TextWeight.Bolder },
                new TextBlock("Type one of these commands, or press its button. In a channel or group chat, @mention me first."));
        if (note is not null) card.Add(new TextBlock(note) { Color = TextColor.Warning });
        foreach (var (step, title) in Steps)
        {
            var here = all.Where(c => c.Step == step).ToList();
            if (here.Count == 0) continue;
            var items = new List<CardElement>
            {
                new TextBlock(title) { Weight = TextWeight.Bolder },
                new FactSet(here.Select(c => new Fact(c.Name, c.Description)).ToArray()) { Spacing = "none" },
            };
            var buttons = here.Where(c => !c.TakesArgument && c.Name != "help")
                .Select(c => (CardAction)new CardExecuteAction(Capitalised(c.Name), CardVerbs.HelpRun) { Data = new Dictionary<string, string> { [CommandKey] = c.Name } }).ToList();
            if (buttons.Count > 0) items.Add(new ActionSet(buttons));
            // The message action is no command to type: say where Teams shows it.
            if (step == WorkflowStep.Collect)
            {
                items.Add(new TextBlock("Or take one from any Teams message: its **…** menu → **More actions** → " +
                    "**Add as touchpoint**.") { IsSubtle = true });
            }
            card.Add(new Container(items) { Separator = true });
        }
        if (helpLink.Url is { } url) card.AddActions(new CardOpenUrlAction("Open the guide", url));
        return card;
    }

    private static string Capitalised(string name) => char.ToUpperInvariant(name[0]) + name[1..];
}
