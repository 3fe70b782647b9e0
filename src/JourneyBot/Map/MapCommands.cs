using JourneyBot.Bot;
using JourneyBot.Cards;
using JourneyBot.Programs;
using JourneyBot.Protocol;
using static JourneyBot.Cards.CardResponses;

namespace JourneyBot.Map;

// map: the coverage card in chat, paged by columns, with a link to the map tab when the tab is set up.
public sealed class MapCommands(ProgramSessions sessions, MapLinks? links = null) : ICommandSource
{
    public IEnumerable<BotCommand> Commands =>
    [
        new("map", "Show coverage: touchpoints per stage and department, and per persona.", ShowAsync)
            { Step = WorkflowStep.Look },
    ];

    public IEnumerable<CardVerb> Verbs =>
    [
        new(CardVerbs.MapPage, PageAsync),
    ];

    private async Task ShowAsync(TurnContext turn, string _, CancellationToken cancellationToken)
    {
        if (await sessions.ResolveOrExplainAsync(turn, cancellationToken) is not { Program: var program }) return;
        await turn.SendActivityAsync(MapCards.Build(program, mapLink: links?.For(program.Id)).ToActivity(),
            cancellationToken);
    }

    private async Task<InvokeResponse> PageAsync(TurnContext turn, AdaptiveCardAction action,
        CancellationToken cancellationToken)
    {
        var opened = await sessions.ForCardAsync(turn, action, cancellationToken, withParts: true);
        return opened.Refusal
            ?? Card(MapCards.Build(opened.Program!, CardData.PageOf(action), links?.For(opened.Program!.Id)));
    }
}
