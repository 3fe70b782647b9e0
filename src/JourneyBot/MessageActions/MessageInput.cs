using System.Text.Json;
using JourneyBot.Cards;
using JourneyBot.Domain;
using M = JourneyBot.MessageActions.MessageTouchpointFields;

namespace JourneyBot.MessageActions;

// The dialog's message inputs as submitted: the (edited) text and where it goes, checked like any form input.
public sealed class MessageInput : FormInput
{
    public string? Offered { get; private set; }
    public string Use { get; private set; } = M.AsWords;

    public static MessageInput Read(JsonElement data)
    {
        var input = new MessageInput();
        input.ReadFrom(data, [M.MessageText, M.MessageUse], acceptNumbers: false);
        input.Offered = input.Text(M.MessageText, TextLimits.LongText);
        // Without the choice (a dialog from the compose box offers no message) the text, if any, is their words.
        var use = input.Values.GetValueOrDefault(M.MessageUse, M.AsWords);
        if (use is M.AsWords or M.AsPain) input.Use = use;
        else if (!input.Errors.ContainsKey(M.MessageUse))
        {
            input.Errors[M.MessageUse] = "Pick whether the message is the customer's own words or a pain point.";
        }
        return input;
    }

    protected override int LimitOf(string field) => field == M.MessageUse ? TextLimits.Id : base.LimitOf(field);
}
