using JourneyBot.Bot;
using JourneyBot.Cards;
using JourneyBot.Domain;
using JourneyBot.Programs;
using JourneyBot.Protocol;
using JourneyBot.People;
using static JourneyBot.Cards.CardResponses;

namespace JourneyBot.Actions;

// Improvement actions: created by owners and contributors (often from a touchpoint's pain points), listed
// with `actions`, moved on by their owner or a program owner.
public sealed class ActionHandler(ProgramSessions sessions, ActionStore actions, AssignmentWork assignments, NameLookup names, TimeProvider clock, YouSaidWork youSaid) : ICommandSource
{
    private const string NoSuchTouchpoint = "That touchpoint no longer exists.";
    private const string NotAContributor = "Owners and department contributors create improvement actions; sponsors follow them in their progress cards.";

    public IEnumerable<BotCommand> Commands =>
    [
        new("actions", "List the program's improvement actions: open, done and overdue.", ListCommandAsync) { Step = WorkflowStep.Act },
        new("new action", "Turn a pain point into an improvement action with an owner and a due date.", NewCommandAsync) { Step = WorkflowStep.Act },
    ];

    public IEnumerable<CardVerb> Verbs =>
    [
        new(CardVerbs.ActionNew, NewAsync),
        new(CardVerbs.ActionSave, SaveAsync),
        new(CardVerbs.ActionStatus, StatusAsync),
        new(CardVerbs.ActionsList, ListAsync),
        new(CardVerbs.ActionAccept, AcceptAsync),
        new(CardVerbs.ActionHandBack, HandBackAsync),
    ];

    private async Task ListCommandAsync(TurnContext turn, string _, CancellationToken cancellationToken)
    {
        if (await sessions.ResolveOrExplainAsync(turn, cancellationToken) is not { } resolved) return;
        var (session, program) = resolved;
        await turn.SendActivityAsync(ActionCards.List(program, session.Caller.AadObjectId, session.Can(ProgramRole.Owner), Today(program), 0).ToActivity(), cancellationToken);
    }

    private async Task NewCommandAsync(TurnContext turn, string _, CancellationToken cancellationToken)
    {
        if (await sessions.ResolveOrExplainAsync(turn, cancellationToken) is not { } resolved) return;
        var (session, program) = resolved;
        var card = session.Can(ProgramRole.Owner | ProgramRole.Contributor) ? ActionCards.Form(program, NewId(), null) : ProgramCards.Refusal(NotAContributor);
        await turn.SendActivityAsync(card.ToActivity(), cancellationToken);
    }

    private async Task<InvokeResponse> NewAsync(TurnContext turn, AdaptiveCardAction action, CancellationToken cancellationToken)
    {
        var opened = await ContributorAsync(turn, action, cancellationToken);
        if (opened.Refusal is not null) return opened.Refusal;
        var touchpointId = action.GetString(CardData.TouchpointId);
        if (touchpointId is not null && opened.Program!.Touchpoints.All(t => t.Id != touchpointId)) return ProgramSessions.Refuse(NoSuchTouchpoint);
        return Card(ActionCards.Form(opened.Program!, NewId(), touchpointId));
    }

    private async Task<InvokeResponse> SaveAsync(TurnContext turn, AdaptiveCardAction action, CancellationToken cancellationToken)
    {
        var opened = await ContributorAsync(turn, action, cancellationToken);
        if (opened.Session is not { } session) return opened.Refusal!;
        var program = opened.Program!;
        var input = ActionInput.Read(action.Data);
        var touchpointId = action.GetString(CardData.TouchpointId);
        // The form carries the touchpoint it came from. One the program no longer has (or never had) is dropped
        // from the form, so saving again adds the action without it.
        var lostTouchpoint = touchpointId is not null && program.Touchpoints.All(t => t.Id != touchpointId);
        if (lostTouchpoint) touchpointId = null;
        var formId = action.GetString(CardData.FormId);
        if (!PlainId.IsValid(formId)) return Card(ActionCards.Form(program, NewId(), touchpointId, input.Values, new Dictionary<string, string> { [ActionInput.Title] = "This form was out of date; check the values and save again." }));
        var created = input.Validate(program, formId!, touchpointId, Today(program));
        if (lostTouchpoint)
        {
            input.Errors[ActionInput.Title] = "The touchpoint this action came from no longer exists; save again to add the action without it.";
            created = null;
        }
        if (created is null) return Card(ActionCards.Form(program, formId!, touchpointId, input.Values, input.Errors));
        created = created with { AssignedBy = session.Caller };
        // An owner picked from outside the program: named by this chat or the directory when either knows them.
        if (created.Owner.DisplayName == Person.Unnamed)
        {
            var found = await names.InConversationAsync(turn.Activity.ServiceUrl!, turn.Activity.Conversation!.Id!, turn.Activity.Conversation.TenantId ?? "", [created.Owner.AadObjectId], cancellationToken);
            if (found.TryGetValue(created.Owner.AadObjectId, out var named)) created = created with { Owner = named };
        }
        // The form id is the action id: a second click of the same form saves nothing new.
        if (await actions.AddAsync(program.Id, created, session.Caller.AadObjectId, cancellationToken))
        {
            // Someone else's action: they are told, with a way to accept it or hand it back.
            if (created.Owner.AadObjectId != session.Caller.AadObjectId) await assignments.QueueAsync(program, created, handedBack: false, cancellationToken);
            return Card(ActionCards.Saved(program, created, session.Caller));
        }
        var saved = program.Actions.FirstOrDefault(a => a.Id == created.Id) ?? (await actions.GetAsync(program.Id, created.Id, cancellationToken))?.Action;
        if (saved is not null && saved with { Status = created.Status, AcceptedOn = null } == created) return Card(ActionCards.Saved(program, saved, session.Caller));
        // Different values under a form saved before: say so, and keep them on a new form rather than lose them.
        return Card(ActionCards.Form(program, NewId(), touchpointId, input.Values, new Dictionary<string, string>
        {
            [ActionInput.Title] = "This form was saved before as another action, so nothing was saved now. Your input is kept: save it to add it as a new action.",
        }));
    }

    private async Task<InvokeResponse> StatusAsync(TurnContext turn, AdaptiveCardAction action, CancellationToken cancellationToken)
    {
        var opened = await sessions.ForCardAsync(turn, action, cancellationToken, withParts: true);
        if (opened.Session is not { } session) return opened.Refusal!;
        var program = opened.Program!;
        if (!EnumChoice.TryParse<ActionStatus>(action.GetString("status"), out var status))
        {
            return Card(ProgramCards.Refusal("That is not a status an action can have."));
        }
        var stored = await actions.GetAsync(program.Id, action.GetString(CardData.ActionId) ?? "", cancellationToken);
        if (stored is null) return Card(ProgramCards.Refusal("That action no longer exists."));
        if (!session.Can(ProgramRole.Owner) && stored.Action.Owner.AadObjectId != session.Caller.AadObjectId)
        {
            return Card(ProgramCards.Refusal("Only the action's owner or a program owner changes its status."));
        }
        string? note = null;
        var current = stored.Action;
        if (current.Status != status)
        {
            var moved = Moved(current, status, Today(program));
            if (await actions.UpdateAsync(program.Id, stored, moved, session.Caller.AadObjectId, cancellationToken))
            {
                current = moved;
                await TellReportersAsync(program, current, session.Caller.AadObjectId, cancellationToken);
            }
            else
            {
                note = "Someone changed that action meanwhile; here is how it stands now.";
                current = (await actions.GetAsync(program.Id, current.Id, cancellationToken))?.Action ?? current;
            }
        }
        // The list is drawn from the program as read, with this action as it now stands: no second full read.
        var reloaded = program with { Actions = program.Actions.Select(a => a.Id == current.Id ? current : a).ToList() };
        return Card(ActionCards.List(reloaded, session.Caller.AadObjectId, session.Can(ProgramRole.Owner), Today(program), CardData.PageOf(action), note));
    }

    // "You said, we did": kept apart from the status change itself, which only says when it happened.
    private Task TellReportersAsync(JourneyProgram program, ImprovementAction saved, string doneBy,
        CancellationToken cancellationToken) =>
        saved.Status == ActionStatus.Done ? youSaid.QueueAsync(program, saved, doneBy, cancellationToken) : Task.CompletedTask;

    // The owner takes the action on: recorded, so the one who gave it knows it landed.
    private async Task<InvokeResponse> AcceptAsync(TurnContext turn, AdaptiveCardAction action, CancellationToken cancellationToken)
    {
        var (program, stored, refusal) = await OwnActionAsync(turn, action, cancellationToken);
        if (refusal is not null) return refusal;
        var current = stored!.Action;
        if (current.AcceptedOn is null && !await actions.UpdateAsync(program!.Id, stored, current with { AcceptedOn = Today(program) }, current.Owner.AadObjectId, cancellationToken))
        {
            return Card(ProgramCards.Refusal("Someone changed that action meanwhile; open **actions** to see how it stands."));
        }
        return Card(AssignmentCards.Accepted(program!, current));
    }

    // Not theirs to do: the person who gave it (else the first program owner) owns it again and is told.
    private async Task<InvokeResponse> HandBackAsync(TurnContext turn, AdaptiveCardAction action, CancellationToken cancellationToken)
    {
        var (program, stored, refusal) = await OwnActionAsync(turn, action, cancellationToken);
        if (refusal is not null) return refusal;
        var current = stored!.Action;
        var to = current.AssignedBy is { } by && by.AadObjectId != current.Owner.AadObjectId ? by : program!.Charter.Owners.FirstOrDefault(o => o.AadObjectId != current.Owner.AadObjectId);
        if (to is null) return Card(ProgramCards.Refusal("There is nobody to hand it back to: you are the program's only owner. Drop it from **actions** if it will not be done."));
        var back = current with { Owner = to, AssignedBy = current.Owner, AcceptedOn = null };
        if (!await actions.UpdateAsync(program!.Id, stored, back, current.Owner.AadObjectId, cancellationToken))
        {
            return Card(ProgramCards.Refusal("Someone changed that action meanwhile; open **actions** to see how it stands."));
        }
        await assignments.QueueAsync(program, back, handedBack: true, cancellationToken);
        return Card(AssignmentCards.HandedBack(back, to));
    }

    // Only the action's current owner answers its card; an old card after a hand-back or a close says so.
    private async Task<(JourneyProgram? Program, StoredAction? Stored, InvokeResponse? Refusal)> OwnActionAsync(TurnContext turn, AdaptiveCardAction action, CancellationToken cancellationToken)
    {
        var opened = await sessions.ForCardAsync(turn, action, cancellationToken, withParts: true);
        if (opened.Session is not { } session) return (null, null, opened.Refusal);
        var stored = await actions.GetAsync(opened.Program!.Id, action.GetString(CardData.ActionId) ?? "", cancellationToken);
        if (stored is null) return (null, null, Card(ProgramCards.Refusal("That action no longer exists.")));
        if (stored.Action.Owner.AadObjectId != session.Caller.AadObjectId) return (null, null, Card(ProgramCards.Refusal("That action is not yours (any more): only its owner accepts it or hands it back.")));
        if (stored.Action.IsClosed()) return (null, null, Card(ProgramCards.Refusal("That action is closed already.")));
        return (opened.Program, stored, null);
    }

    private async Task<InvokeResponse> ListAsync(TurnContext turn, AdaptiveCardAction action, CancellationToken cancellationToken)
    {
        var opened = await sessions.ForCardAsync(turn, action, cancellationToken, withParts: true);
        if (opened.Session is not { } session) return opened.Refusal!;
        return Card(ActionCards.List(opened.Program!, session.Caller.AadObjectId, session.Can(ProgramRole.Owner), Today(opened.Program!), CardData.PageOf(action)));
    }

    private Task<CardSession> ContributorAsync(TurnContext turn, AdaptiveCardAction action, CancellationToken cancellationToken) =>
        sessions.ForCardAsync(turn, action, cancellationToken, ProgramRole.Owner | ProgramRole.Contributor, NotAContributor, withParts: true);

    private DateOnly Today(JourneyProgram program) => WorkingTime.Today(clock.GetUtcNow(), program.Charter);

    // The days impact is judged by: work starts when the action is first put in progress (or done straight away);
    // it is done on the day it is marked done, and only while it is.
    public static ImprovementAction Moved(ImprovementAction action, ActionStatus status, DateOnly today) => action with
    {
        Status = status,
        StartedOn = action.StartedOn ?? (status is ActionStatus.InProgress or ActionStatus.Done ? today : null),
        DoneOn = status == ActionStatus.Done ? action.DoneOn ?? today : null,
    };

    private static string NewId() => Guid.NewGuid().ToString("N");
}
