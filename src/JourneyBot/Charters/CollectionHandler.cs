using JourneyBot.Bot;
using JourneyBot.Cards;
using JourneyBot.Domain;
using JourneyBot.Programs;
using JourneyBot.Protocol;
using JourneyBot.Outreach;
using static JourneyBot.Cards.CardResponses;

namespace JourneyBot.Charters;

// open collection: once the charter is complete, owners invite every department's contacts, and the program is
// followed up from then on.
public sealed class CollectionHandler(CharterStore charters, ProgramSessions sessions, CollectionOpener opener, FollowUpStarter followUps) : ICommandSource
{
    public IEnumerable<BotCommand> Commands =>
        [new("open collection", "Invite every department's contacts to add their touchpoints (owners).", OpenCollectionCommandAsync) { Step = WorkflowStep.SetUp }];

    public IEnumerable<CardVerb> Verbs => [new(CardVerbs.CollectionOpen, OpenCollectionFromCardAsync), new(CardVerbs.CollectionProgress, ProgressAsync)];

    private async Task OpenCollectionCommandAsync(TurnContext turn, string _, CancellationToken cancellationToken)
    {
        var (session, problem) = await sessions.ResolveAsync(turn, null, cancellationToken);
        if (session is null)
        {
            await turn.SendTextAsync(problem!.Message, cancellationToken);
            return;
        }
        var (card, program) = await OpenAsync(turn, session, session.Program.ETag.ToString(), cancellationToken);
        var sent = await turn.SendActivityAsync(card.ToActivity(), cancellationToken);
        if (program is null) return;
        // The card is in the chat now, so the invitations can move it along as they go out.
        var at = sent.Id is { Length: > 0 } id ? new ProgressCardAt(turn.Activity.ServiceUrl!, turn.Activity.Conversation!.Id!, id) : null;
        await opener.QueueAsync(program, at, cancellationToken);
    }

    private async Task<InvokeResponse> OpenCollectionFromCardAsync(TurnContext turn, AdaptiveCardAction action, CancellationToken cancellationToken)
    {
        var opened = await sessions.ForCardAsync(turn, action, cancellationToken);
        if (opened.Session is not { } session) return opened.Refusal!;
        var (card, program) = await OpenAsync(turn, session, action.GetString(CardData.ETag), cancellationToken);
        if (program is not null)
        {
            // The card clicked is the one this answer replaces; the invitations update it in place.
            var at = turn.Activity.ReplyToId is { Length: > 0 } id ? new ProgressCardAt(turn.Activity.ServiceUrl!, turn.Activity.Conversation!.Id!, id) : null;
            await opener.QueueAsync(program, at, cancellationToken);
        }
        return Card(card);
    }

    private async Task<InvokeResponse> ProgressAsync(TurnContext turn, AdaptiveCardAction action, CancellationToken cancellationToken)
    {
        var opened = await sessions.ForCardAsync(turn, action, cancellationToken, ProgramRole.Owner, "Only the program's owners follow the invitations.");
        if (opened.Session is not { } session) return opened.Refusal!;
        var progress = await opener.ProgressAsync(session.Program, cancellationToken);
        return Card(InvitationCards.Progress(session.Program, progress, RefreshFor(turn)));
    }

    private static IReadOnlyList<string>? RefreshFor(TurnContext turn) => turn.Activity.From?.Id is { Length: > 0 } id ? [id] : null;

    // The card to answer with, and the program whose invitations are to be queued (null when nothing opened).
    private async Task<(Cards.AdaptiveCard Card, ProgramHeader? Program)> OpenAsync(TurnContext turn, ProgramSession session, string? seenETag, CancellationToken cancellationToken)
    {
        if (!session.Can(ProgramRole.Owner)) return (ProgramCards.Refusal("Only the program's owners open collection."), null);
        var program = session.Program;
        if (!CharterRules.IsReadyForCollection(program.Charter)) return (CharterCards.Review(program, isOwner: true), null);
        if (program.CollectionOpenedOn is null)
        {
            if (seenETag != program.ETag.ToString()) return (CharterCards.Review(program, true, "The charter changed since that card was shown: check it and open collection again."), null);
            try
            {
                program = await charters.OpenCollectionAsync(program, session.Caller, cancellationToken);
            }
            catch (CharterChangedException e)
            {
                return (CharterCards.Review(e.Latest, true, $"Changed by {CardText.Literal(e.Latest.LastEditedBy ?? "someone")} meanwhile: check the charter and open collection again."), null);
            }
        }
        await followUps.StartAsync(program.TenantId, program.Id, cancellationToken);
        // Everyone not yet reached is queued again by the caller, so they count as on their way.
        var progress = await opener.ProgressAsync(program, cancellationToken);
        progress = progress with { Pending = progress.Pending + progress.Unreachable.Count, Unreachable = [] };
        return (InvitationCards.Progress(program, progress, RefreshFor(turn)), program);
    }
}
