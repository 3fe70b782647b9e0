using JourneyBot.Bot;
using JourneyBot.Programs;
using JourneyBot.Protocol;

namespace JourneyBot.Health;

// health: the program's map health in chat, with a link to the map tab when the tab is set up.
public sealed class HealthCommands(ProgramSessions sessions, TimeProvider clock, MapLinks? links = null)
    : ICommandSource
{
    public IEnumerable<BotCommand> Commands =>
    [
        new("health", "Show map health: what is ok, what to watch, and what to do next.", ShowAsync)
            { Step = WorkflowStep.Look },
    ];

    public IEnumerable<CardVerb> Verbs => [];

    private async Task ShowAsync(TurnContext turn, string _, CancellationToken cancellationToken)
    {
        if (await sessions.ResolveOrExplainAsync(turn, cancellationToken) is not { Program: var program }) return;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        await turn.SendActivityAsync(HealthCards.Build(program, today, links?.For(program.Id)).ToActivity(),
            cancellationToken);
    }
}
