using JourneyBot.Bot;
using JourneyBot.Cards;
using JourneyBot.Domain;
using JourneyBot.FollowUps;
using JourneyBot.Programs;
using JourneyBot.Protocol;
using static JourneyBot.Cards.CardResponses;

namespace JourneyBot.Charters;

// open collection: once the charter is complete, owners invite every department's contacts, and the program is
// followed up from then on.
public sealed class CollectionHandler(CharterStore charters, ProgramSessions sessions, CollectionOpener opener, FollowUpStarter followUps) : ICommandSource
{
    public IEnumerable<BotCommand> Commands =>
        [new("open collection", "Invite every department's contacts to add their touchpoints (owners).", OpenCollectionCommandAsync)];

    public IEnumerable<CardVerb> Verbs => [new(CharterSteps.OpenCollectionVerb, OpenCollectionFromCardAsync)];

    private async Task OpenCollectionCommandAsync(TurnContext turn, string _, CancellationToken cancellationToken)
    {
        var (session, problem) = await sessions.ResolveAsync(turn, null, cancellationToken);
        if (session is null)
        {
            await turn.SendTextAsync(problem!.Message, cancellationToken);
            return;
        }
        await turn.SendActivityAsync((await OpenAsync(turn, session, session.Program.ETag.ToString(), cancellationToken)).ToActivity(), cancellationToken);
    }

    private async Task<InvokeResponse> OpenCollectionFromCardAsync(TurnContext turn, AdaptiveCardAction action, CancellationToken cancellationToken)
    {
        var opened = await sessions.ForCardAsync(turn, action, cancellationToken);
        if (opened.Session is not { } session) return opened.Refusal!;
        return Card(await OpenAsync(turn, session, action.GetString(CardData.ETag), cancellationToken));
    }

    private async Task<Cards.AdaptiveCard> OpenAsync(TurnContext turn, ProgramSession session, string? seenETag, CancellationToken cancellationToken)
    {
        if (!session.Can(ProgramRole.Owner)) return ProgramCards.Refusal("Only the program's owners open collection.");
        var program = session.Program;
        if (!CharterRules.IsReadyForCollection(program.Charter)) return CharterCards.Review(program, isOwner: true);
        if (program.CollectionOpenedOn is null)
        {
            if (seenETag != program.ETag.ToString()) return CharterCards.Review(program, true, "The charter changed since that card was shown: check it and open collection again.");
            try
            {
                program = await charters.OpenCollectionAsync(program, session.Caller, cancellationToken);
            }
            catch (CharterChangedException e)
            {
                return CharterCards.Review(e.Latest, true, $"Changed by {CardText.Literal(e.Latest.LastEditedBy ?? "someone")} meanwhile: check the charter and open collection again.");
            }
        }
        await followUps.StartAsync(program.TenantId, program.Id, cancellationToken);
        var (invited, unreachable) = await opener.InviteAsync(program, cancellationToken);
        return InvitationCards.Outcome(program, invited, unreachable);
    }
}
