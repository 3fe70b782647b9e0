using JourneyBot.Bot;
using JourneyBot.Cards;
using JourneyBot.Programs;
using JourneyBot.Protocol;
using static JourneyBot.Cards.CardResponses;

namespace JourneyBot.Portfolio;

// `portfolio`: every program the person is part of (or, in the admin group, every program of their organisation),
// one row each, the ones needing attention first.
public sealed class PortfolioHandler(PortfolioSource source, MapLinks links) : ICommandSource
{
    private const string Unknown =
        "I can't tell which organisation or person this message comes from, so I can't show program data here.";

    public IEnumerable<BotCommand> Commands =>
    [
        new("portfolio", "All your programs at a glance: health, how customers feel, outcomes, overdue work.",
            CommandAsync) { Step = WorkflowStep.Look },
    ];

    public IEnumerable<CardVerb> Verbs => [new(CardVerbs.PortfolioPage, PageAsync)];

    private async Task CommandAsync(TurnContext turn, string _, CancellationToken cancellationToken)
    {
        if (await BuildAsync(turn, 0, cancellationToken) is { } card)
        {
            await turn.SendActivityAsync(card.ToActivity(), cancellationToken);
        }
        else
        {
            await turn.SendTextAsync(Unknown, cancellationToken);
        }
    }

    private async Task<InvokeResponse> PageAsync(TurnContext turn, AdaptiveCardAction action,
        CancellationToken cancellationToken) =>
        Card(await BuildAsync(turn, CardData.PageOf(action), cancellationToken) ?? ProgramCards.Refusal(Unknown));

    private async Task<AdaptiveCard?> BuildAsync(TurnContext turn, int page, CancellationToken cancellationToken)
    {
        if (turn.Activity.GetTenantId() is not { } tenant || ProgramSessions.Caller(turn.Activity) is not { } caller)
        {
            return null;
        }

        // Chat carries no groups: the directory says whether the person is in the admin group.
        var admin = await source.IsAdminAsync(tenant, caller.AadObjectId, null, cancellationToken);
        var rows = await source.RowsAsync(tenant, caller.AadObjectId, admin, cancellationToken);
        return PortfolioCards.Build(rows, page, admin, links.For);
    }
}
