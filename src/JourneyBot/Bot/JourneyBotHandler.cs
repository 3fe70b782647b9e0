using JourneyBot.Cards;
using JourneyBot.Protocol;

namespace JourneyBot.Bot;

// Routes each activity to the capabilities: commands and card verbs by name, installs and messages to every
// capability that listens. Knows no capability by name.
public sealed class JourneyBotHandler(CommandCatalog catalog) : ActivityHandler
{
    public const string UnknownTextReply = "Sorry, I don't know that one. Type **help** to see what I can do.";

    protected override async Task OnMessageAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        // In channels and group chats people talk to each other; answer only when spoken to.
        if (!activity.IsPersonal() && !activity.MentionsRecipient()) return;

        foreach (var source in catalog.Sources) await source.OnMessageAsync(turn, cancellationToken);

        // A bare @mention asks what the bot can do.
        var text = activity.GetTextWithoutBotMention() is { Length: > 0 } typed ? typed : "help";
        // The person's own language's words work beside the English ones, and a slip is matched against both.
        var words = catalog.WordsIn(Languages.Of(activity.Locale));
        var said = words.FirstOrDefault(w => IsCommand(text, w.Word));
        if (said is null)
        {
            await turn.SendTextAsync(CommandSuggestion.Nearest(text, words.Select(w => w.Word)) is { } meant
                ? $"Sorry, I don't know that one. Did you mean **{meant}**? Type **help** to see what I can do."
                : UnknownTextReply, cancellationToken);
            return;
        }
        var arguments = text[said.Word.Length..].Trim();
        await said.Command.RunAsync(turn, arguments, cancellationToken);
    }

    protected override async Task OnConversationUpdateAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var botId = turn.Activity.Recipient?.Id;
        if (turn.Activity.MembersAdded?.Any(m => m.Id == botId) == true) await InstalledAsync(turn, cancellationToken);
        else if (turn.Activity.MembersRemoved?.Any(m => m.Id == botId) == true) await UninstalledAsync(turn, cancellationToken);
    }

    protected override async Task OnInstallationUpdateAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var action = turn.Activity.Action ?? string.Empty;
        if (action.StartsWith("add", StringComparison.OrdinalIgnoreCase)) await InstalledAsync(turn, cancellationToken);
        else if (action.StartsWith("remove", StringComparison.OrdinalIgnoreCase)) await UninstalledAsync(turn, cancellationToken);
    }

    protected override Task<InvokeResponse> OnAdaptiveCardActionAsync(TurnContext turn, AdaptiveCardAction action,
        CancellationToken cancellationToken) =>
        // Ids are checked here for every verb, so no handler can look up, store or echo one no card of ours sent.
        catalog.Verbs.TryGetValue(action.Verb, out var verb)
            ? verb.RunAsync(turn, CardIds.Checked(action), cancellationToken)
            : Task.FromResult(InvokeResponse.Card(NoticeCards.UnknownAction()));

    // An unknown command id is a 501, as for an unknown invoke: no dialog of ours asked for it.
    protected override Task<InvokeResponse> OnMessageExtensionFetchTaskAsync(TurnContext turn,
        MessageExtensionAction action, CancellationToken cancellationToken) =>
        catalog.MessageCommands.TryGetValue(action.CommandId, out var command)
            ? command.FetchAsync(turn, action, cancellationToken)
            : Task.FromResult(InvokeResponse.UnknownCommand());

    // A dialog's submit carries ids like a card's: checked the same way before the command sees them.
    protected override Task<InvokeResponse> OnMessageExtensionSubmitActionAsync(TurnContext turn,
        MessageExtensionAction action, CancellationToken cancellationToken) =>
        catalog.MessageCommands.TryGetValue(action.CommandId, out var command)
            ? command.SubmitAsync(turn, action with { Data = Checked(action) }, cancellationToken)
            : Task.FromResult(InvokeResponse.UnknownCommand());

    private static System.Text.Json.JsonElement Checked(MessageExtensionAction action) =>
        CardIds.Checked(new AdaptiveCardAction(action.CommandId, action.Data)).Data;

    private async Task InstalledAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        foreach (var source in catalog.Sources) await source.OnInstalledAsync(turn, cancellationToken);
    }

    private async Task UninstalledAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        foreach (var source in catalog.Sources) await source.OnUninstalledAsync(turn, cancellationToken);
    }

    private static bool IsCommand(string text, string name) =>
        text.StartsWith(name, StringComparison.OrdinalIgnoreCase)
        && (text.Length == name.Length || char.IsWhiteSpace(text[name.Length]));
}
