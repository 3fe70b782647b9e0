using JourneyBot.Protocol;

namespace JourneyBot.Cards;

// Keys of the data card actions carry beside their inputs, shared by the cards that write them and the handlers
// that read them back.
public static class CardData
{
    public const string ProgramId = "programId";
    public const string FormId = "formId";
    public const string Version = "v";
    public const string Page = "page";
    public const string ETag = "etag";
    public const string TouchpointId = "touchpointId";
    public const string ActionId = "actionId";
    public const string DepartmentId = "departmentId";
    public const string Step = "step";
    public const string ReviewId = "reviewId";
    public const string CardId = "cardId";
    // The metric rows a charter form shows, comma-separated, and the one its "Remove" asks to drop.
    public const string MetricRows = "metricRows";
    public const string RemoveRow = "removeRow";
    // Which button of a dialog was pressed (Action.Submit carries no verb of its own).
    public const string Verb = "verb";
    // The metric a reading card records a figure of.
    public const string MetricId = "metric";

    // The page a paging button asks for; anything else is the first page (pages clamp to what exists).
    public static int PageOf(AdaptiveCardAction action) => int.TryParse(action.GetString(Page), out var page) && page >= 0 ? page : 0;
}
