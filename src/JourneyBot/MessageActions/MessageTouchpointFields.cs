namespace JourneyBot.MessageActions;

// The dialog's own inputs beside the touchpoint form's: the message's text (editable) and where it goes.
public static class MessageTouchpointFields
{
    public const string MessageText = "messageText";
    public const string MessageUse = "messageUse";

    // The message as the customer's own words (the touchpoint's verbatim) or as a pain point.
    public const string AsWords = "words";
    public const string AsPain = "pain";
}
