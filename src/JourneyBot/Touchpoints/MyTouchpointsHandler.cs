using JourneyBot.Bot;
using JourneyBot.Cards;
using JourneyBot.Storage;
using JourneyBot.Domain;
using JourneyBot.Programs;
using JourneyBot.Protocol;
using F = JourneyBot.Touchpoints.TouchpointFields;
using static JourneyBot.Cards.CardResponses;

namespace JourneyBot.Touchpoints;

// my touchpoints: a person's own touchpoints, paged, to edit or delete. Authors change their own; owners any.
public sealed class MyTouchpointsHandler(TouchpointStore edits, ProgramSessions sessions, TimeProvider clock) : ICommandSource
{
    public IEnumerable<BotCommand> Commands => [new("my touchpoints", "Your touchpoints in the active program, to edit or delete.", ListAsync) { Step = WorkflowStep.Collect }];

    public IEnumerable<CardVerb> Verbs =>
    [
        new(CardVerbs.MyTouchpoints, PageAsync),
        new(CardVerbs.TouchpointEdit, EditAsync),
        new(CardVerbs.TouchpointUpdate, UpdateAsync),
        new(CardVerbs.TouchpointAskDelete, AskDeleteAsync),
        new(CardVerbs.TouchpointDelete, DeleteAsync),
    ];

    private async Task ListAsync(TurnContext turn, string _, CancellationToken cancellationToken)
    {
        var (session, problem) = await sessions.ResolveAsync(turn, null, cancellationToken);
        if (session is null)
        {
            await turn.SendTextAsync(problem!.Message, cancellationToken);
            return;
        }
        var mine = await edits.ByAuthorAsync(session.Program.Id, session.Caller.AadObjectId, cancellationToken);
        await turn.SendActivityAsync(MyTouchpointsCards.List(session.Program, mine, 0).ToActivity(), cancellationToken);
    }

    private async Task<InvokeResponse> PageAsync(TurnContext turn, AdaptiveCardAction action, CancellationToken cancellationToken)
    {
        var opened = await sessions.ForCardAsync(turn, action, cancellationToken);
        if (opened.Session is not { } session) return opened.Refusal!;
        var mine = await edits.ByAuthorAsync(session.Program.Id, session.Caller.AadObjectId, cancellationToken);
        return Card(MyTouchpointsCards.List(session.Program, mine, CardData.PageOf(action)));
    }

    private async Task<InvokeResponse> EditAsync(TurnContext turn, AdaptiveCardAction action, CancellationToken cancellationToken)
    {
        var (session, stored, refusal) = await ResolveAsync(turn, action, cancellationToken);
        if (refusal is not null) return refusal;
        return Card(TouchpointCards.Form(session!.Program, session.Caller, session.Can(ProgramRole.Owner), Guid.NewGuid().ToString("N"),
            TouchpointCards.ValuesOf(stored!.Touchpoint), editing: stored));
    }

    private async Task<InvokeResponse> UpdateAsync(TurnContext turn, AdaptiveCardAction action, CancellationToken cancellationToken)
    {
        var (session, stored, refusal) = await ResolveAsync(turn, action, cancellationToken);
        if (refusal is not null) return refusal;
        var isOwner = session!.Can(ProgramRole.Owner);
        var input = TouchpointInput.Read(action.Data);
        var formId = action.GetString(CardData.FormId) ?? Guid.NewGuid().ToString("N");
        // Authors keep authorship when an owner edits; department rules apply to the author.
        var author = stored!.Touchpoint.CreatedBy;
        var validated = input.Validate(session.Program, isOwner ? session.Caller : author, isOwner, stored.Touchpoint.Id, clock.GetUtcNow());
        if (validated is null) return Card(TouchpointCards.Form(session.Program, session.Caller, isOwner, formId, input.Values, input.Errors, editing: stored));

        var updated = validated with
        {
            CreatedBy = author, CreatedAt = stored.Touchpoint.CreatedAt, ChangedOn = WorkingTime.Today(clock.GetUtcNow(), session.Program.Charter),
            PainPointItems = PainPoint.KeepIds(stored.Touchpoint.Id, stored.Touchpoint.PainPointList(), validated.PainPointItems),
        };
        // Saving the same values twice (a double click, or a form saved before) is done, not a conflict with oneself.
        if (TouchpointComparison.SameContent(stored.Touchpoint, updated)) return await ListAsync(session, "Saved.", cancellationToken);
        if (RowVersion.FromCard(action.GetString(CardData.ETag)) is not { } version)
        {
            return Card(TouchpointCards.Form(session.Program, session.Caller, isOwner, formId, input.Values, null,
                FormNotices.OutOfDate, editing: stored, savedMeanwhile: stored.Touchpoint));
        }
        try
        {
            await edits.UpdateAsync(session.Program.Id, stored with { ETag = version }, updated, session.Caller.DisplayName, cancellationToken);
        }
        catch (TouchpointChangedException e)
        {
            if (e.Latest is null || e.Latest.Touchpoint.Retired) return Refuse("That touchpoint was deleted or retired meanwhile, so your changes were not saved.");
            return Card(TouchpointCards.Form(session.Program, session.Caller, isOwner, formId, input.Values, null,
                FormNotices.ChangedMeanwhile(e.Latest.LastEditedBy ?? e.Latest.Touchpoint.CreatedBy.DisplayName),
                editing: e.Latest, savedMeanwhile: e.Latest.Touchpoint));
        }
        return await ListAsync(session, "Saved.", cancellationToken);
    }

    private async Task<InvokeResponse> ListAsync(ProgramSession session, string notice, CancellationToken cancellationToken) =>
        Card(MyTouchpointsCards.List(session.Program, await edits.ByAuthorAsync(session.Program.Id, session.Caller.AadObjectId, cancellationToken), 0, notice));

    private async Task<InvokeResponse> AskDeleteAsync(TurnContext turn, AdaptiveCardAction action, CancellationToken cancellationToken)
    {
        var (session, stored, refusal) = await ResolveAsync(turn, action, cancellationToken);
        return refusal ?? Card(MyTouchpointsCards.ConfirmDelete(session!.Program, stored!));
    }

    private async Task<InvokeResponse> DeleteAsync(TurnContext turn, AdaptiveCardAction action, CancellationToken cancellationToken)
    {
        var (session, stored, refusal) = await ResolveAsync(turn, action, cancellationToken);
        if (refusal is not null) return refusal;
        // Without the version the confirmation was shown for, ask again about the touchpoint as it is now.
        if (RowVersion.FromCard(action.GetString(CardData.ETag)) is not { } version) return Card(MyTouchpointsCards.ConfirmDelete(session!.Program, stored!));
        try
        {
            await edits.DeleteAsync(session!.Program.Id, stored! with { ETag = version }, cancellationToken);
        }
        catch (TouchpointChangedException e)
        {
            return e.Latest is null || e.Latest.Touchpoint.Retired
                ? await ListAsync(session!, "It was already deleted or retired.", cancellationToken)
                : Card(MyTouchpointsCards.ConfirmDelete(session!.Program, e.Latest));
        }
        return await ListAsync(session, "Deleted.", cancellationToken);
    }

    private async Task<(ProgramSession? Session, StoredTouchpoint? Stored, InvokeResponse? Refusal)> ResolveAsync(TurnContext turn, AdaptiveCardAction action, CancellationToken cancellationToken)
    {
        var opened = await sessions.ForCardAsync(turn, action, cancellationToken);
        if (opened.Session is not { } session) return (null, null, opened.Refusal);
        var stored = await edits.GetAsync(session.Program.Id, action.GetString(CardData.TouchpointId) ?? "", cancellationToken);
        if (stored is null) return (session, null, Refuse("That touchpoint does not exist (any more)."));
        // A retired touchpoint left the map in a review; an old Edit button must not bring it back unseen.
        if (stored.Touchpoint.Retired) return (session, null, Refuse("That touchpoint was retired in a review, so it can no longer be edited or deleted."));
        if (stored.Touchpoint.CreatedBy.AadObjectId != session.Caller.AadObjectId && !session.Can(ProgramRole.Owner))
        {
            return (session, null, Refuse("You can change the touchpoints you added; owners can change any."));
        }
        return (session, stored, null);
    }

    private static InvokeResponse Refuse(string reason) => ProgramSessions.Refuse(reason);
}
