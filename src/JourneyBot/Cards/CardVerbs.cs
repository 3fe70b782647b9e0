namespace JourneyBot.Cards;

// Every verb a card button sends, in one place: the bot's card surface. A card of one capability opens another's
// card by its verb, without importing that capability.
public static class CardVerbs
{
    public const string ReviewPostpone = "review.postpone";
    public const string ReviewCancel = "review.cancel";
    public const string ReviewStart = "review.start";
    public const string ReviewPage = "review.page";
    public const string ReviewConfirm = "review.confirm";
    public const string ReviewConfirmPage = "review.confirmPage";
    public const string ReviewRetire = "review.retire";
    public const string ReviewUndoRetire = "review.undoRetire";
    public const string ReviewDetails = "review.details";
    public const string ReviewComplete = "review.complete";
    public const string ReviewNote = "review.note";

    public const string MyTouchpoints = "touchpoints.mine";
    public const string TouchpointEdit = "touchpoint.edit";
    public const string TouchpointAskDelete = "touchpoint.delete.ask";
    public const string TouchpointDelete = "touchpoint.delete";
    public const string TouchpointSave = "touchpoint.save";
    public const string TouchpointStart = "touchpoint.start";
    public const string TouchpointUpdate = "touchpoint.update";

    // The "Add as touchpoint" dialog on a Teams message (Action.Submit, composeExtension/submitAction).
    public const string MessageTouchpointPick = "msgtouchpoint.pick";
    public const string MessageTouchpointSave = "msgtouchpoint.save";
    public const string MessageTouchpointAnother = "msgtouchpoint.another";
    public const string MessageTouchpointDone = "msgtouchpoint.done";

    public const string MapPage = "map.page";
    public const string ProgramUse = "program.use";
    public const string ProgramDelete = "program.delete";
    public const string ProgramDeleteUndo = "program.deleteUndo";

    public const string ActionAccept = "action.accept";
    public const string ActionHandBack = "action.handBack";
    public const string ActionNew = "action.new";
    public const string ActionSave = "action.save";
    public const string ActionStatus = "action.status";
    public const string ActionsList = "actions.list";

    public const string ProgressAcknowledge = "progress.ack";
    public const string ProgressSendNow = "progress.sendNow";

    public const string PortfolioPage = "portfolio.page";

    public const string HelpRun = "help.run";

    // A metric's figure: the card for it, recording it, and replacing the figure someone else recorded that day.
    public const string ReadingOpen = "reading.open";
    public const string ReadingSave = "reading.save";
    public const string ReadingReplace = "reading.replace";

    public const string CharterSave = "charter.save";
    // The metrics step grows and shrinks a row at a time; nothing is saved until Save.
    public const string CharterAddMetric = "charter.metricAdd";
    public const string CharterRemoveMetric = "charter.metricRemove";
    public const string CharterEdit = "charter.edit";
    public const string CollectionOpen = "collection.open";
    // Fills empty department contacts with the people whose directory profile names that department.
    public const string CharterLookup = "charter.lookup";
    public const string CollectionProgress = "collection.progress";
}
