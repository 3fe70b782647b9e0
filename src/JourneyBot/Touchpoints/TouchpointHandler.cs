using JourneyBot.Bot;
using JourneyBot.Cards;
using JourneyBot.Domain;
using JourneyBot.Programs;
using JourneyBot.Protocol;
using F = JourneyBot.Touchpoints.TouchpointFields;
using static JourneyBot.Cards.CardResponses;

namespace JourneyBot.Touchpoints;

// add touchpoint, and the form's Save: every submit is re-checked against the caller's role and the program.
public sealed class TouchpointHandler(TouchpointStore store, ProgramSessions sessions, TimeProvider clock) : ICommandSource
{
    public IEnumerable<BotCommand> Commands => [new("add touchpoint", "Add a touchpoint your department owns to the active program.", AddAsync) { Step = WorkflowStep.Collect }];

    public IEnumerable<CardVerb> Verbs => [new(CardVerbs.TouchpointSave, SaveAsync), new(CardVerbs.TouchpointStart, StartAsync)];

    // From an invitation card: the form, in place of the invitation.
    private async Task<InvokeResponse> StartAsync(TurnContext turn, AdaptiveCardAction action, CancellationToken cancellationToken)
    {
        var opened = await ContributorAsync(turn, action, cancellationToken);
        if (opened.Session is not { } session) return opened.Refusal!;
        await sessions.SetActiveAsync(turn, session.Program.Id, cancellationToken);
        return Card(TouchpointCards.Form(session.Program, session.Caller, session.Can(ProgramRole.Owner), NewFormId()));
    }

    private async Task AddAsync(TurnContext turn, string _, CancellationToken cancellationToken)
    {
        var (session, problem) = await sessions.ResolveAsync(turn, null, cancellationToken);
        if (session is null)
        {
            await turn.SendTextAsync(problem!.Message, cancellationToken);
            return;
        }
        if (!session.Can(ProgramRole.Owner | ProgramRole.Contributor))
        {
            await turn.SendActivityAsync(ProgramCards.Refusal(NotAContributor).ToActivity(), cancellationToken);
            return;
        }
        var form = TouchpointCards.Form(session.Program, session.Caller, session.Can(ProgramRole.Owner), NewFormId());
        await turn.SendActivityAsync(form.ToActivity(), cancellationToken);
    }

    private async Task<InvokeResponse> SaveAsync(TurnContext turn, AdaptiveCardAction action, CancellationToken cancellationToken)
    {
        var opened = await ContributorAsync(turn, action, cancellationToken);
        if (opened.Session is not { } session) return opened.Refusal!;

        var isOwner = session.Can(ProgramRole.Owner);
        var input = TouchpointInput.Read(action.Data);
        var formId = action.GetString(CardData.FormId);
        if (!PlainId.IsValid(formId) || action.GetString(CardData.Version) != F.CurrentVersion)
        {
            // A card from an older version (or a forged one): a fresh form, keeping what can be kept.
            return Card(TouchpointCards.Form(session.Program, session.Caller, isOwner, NewFormId(), input.Values, null,
                "This form was out of date, so nothing was saved. Check the values and save again."));
        }

        var touchpoint = input.Validate(session.Program, session.Caller, isOwner, formId!, clock.GetUtcNow());
        if (touchpoint is null)
        {
            return Card(TouchpointCards.Form(session.Program, session.Caller, isOwner, formId!, input.Values, input.Errors));
        }
        // The form id is the touchpoint's id: a double click or a redelivery saves one touchpoint.
        if (await store.AddAsync(session.Program.Id, touchpoint, cancellationToken) is not null)
        {
            return Card(TouchpointCards.Saved(session.Program, touchpoint, session.Caller, isOwner, NewFormId()));
        }
        return Card(await AlreadySavedAsync(session, touchpoint, input, cancellationToken));
    }

    // This form was saved before. The same values again is a double click: done. Different values are kept in
    // an edit of what was saved, so the second text is neither lost nor written over the first unseen.
    private async Task<Cards.AdaptiveCard> AlreadySavedAsync(ProgramSession session, Touchpoint submitted, TouchpointInput input, CancellationToken cancellationToken)
    {
        var isOwner = session.Can(ProgramRole.Owner);
        var saved = await store.GetAsync(session.Program.Id, submitted.Id, cancellationToken);
        if (saved is null || saved.Touchpoint.Retired || (saved.Touchpoint.CreatedBy.AadObjectId != session.Caller.AadObjectId && !isOwner))
        {
            return TouchpointCards.Form(session.Program, session.Caller, isOwner, NewFormId(), input.Values, null,
                "This form was out of date, so nothing was saved. Check the values and save again.");
        }
        if (TouchpointComparison.SameContent(saved.Touchpoint, submitted))
        {
            return TouchpointCards.Saved(session.Program, saved.Touchpoint, session.Caller, isOwner, NewFormId());
        }
        return TouchpointCards.Form(session.Program, session.Caller, isOwner, NewFormId(), input.Values, null,
            "This form was saved before, with the values shown under each field that differs, so nothing was saved now. " +
            "Your new input is kept in the fields: save to change the touchpoint to it.", editing: saved, savedMeanwhile: saved.Touchpoint);
    }

    private const string NotAContributor = "Only owners and department contributors add touchpoints to this program; sponsors follow the map.";

    private Task<CardSession> ContributorAsync(TurnContext turn, AdaptiveCardAction action, CancellationToken cancellationToken) =>
        sessions.ForCardAsync(turn, action, cancellationToken, ProgramRole.Owner | ProgramRole.Contributor, NotAContributor);

    private static string NewFormId() => Guid.NewGuid().ToString("N");
}
