using JourneyBot.Cards;
using JourneyBot.Conversations;
using JourneyBot.Protocol;

namespace JourneyBot.Bot;

// Routes each activity to the capability that owns it. Knows no capability's internals.
public sealed class JourneyBotHandler(
    IEnumerable<BotCommand> commands,
    IEnumerable<CardVerb> verbs,
    InstallHandler installs,
    ConversationStore conversations) : ActivityHandler
{
    private readonly IReadOnlyList<BotCommand> _commands = commands.OrderByDescending(c => c.Name.Length).ToArray();
    private readonly IReadOnlyDictionary<string, CardVerb> _verbs = verbs.ToDictionary(v => v.Verb, StringComparer.OrdinalIgnoreCase);

    public const string UnknownTextReply = "Sorry, I don't know that one. Type **help** to see what I can do.";

    protected override async Task OnMessageAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        // In channels and group chats people talk to each other; answer only when spoken to.
        if (!activity.IsPersonal() && !activity.MentionsRecipient()) return;

        await conversations.EnsureCurrentAsync(activity.GetConversationReference(), cancellationToken);

        var text = activity.GetTextWithoutBotMention();
        var command = text.Length == 0 ? FindCommand("help") : _commands.FirstOrDefault(c => IsCommand(text, c.Name));
        if (command is null)
        {
            await turn.SendTextAsync(UnknownTextReply, cancellationToken);
            return;
        }
        var arguments = text.Length >= command.Name.Length ? text[command.Name.Length..].Trim() : string.Empty;
        await command.RunAsync(turn, arguments, cancellationToken);
    }

    protected override async Task OnConversationUpdateAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var botId = turn.Activity.Recipient?.Id;
        if (turn.Activity.MembersAdded?.Any(m => m.Id == botId) == true) await installs.OnInstalledAsync(turn, cancellationToken);
        else if (turn.Activity.MembersRemoved?.Any(m => m.Id == botId) == true) await installs.OnUninstalledAsync(turn, cancellationToken);
    }

    protected override async Task OnInstallationUpdateAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var action = turn.Activity.Action ?? string.Empty;
        if (action.StartsWith("add", StringComparison.OrdinalIgnoreCase)) await installs.OnInstalledAsync(turn, cancellationToken);
        else if (action.StartsWith("remove", StringComparison.OrdinalIgnoreCase)) await installs.OnUninstalledAsync(turn, cancellationToken);
    }

    protected override Task<InvokeResponse> OnAdaptiveCardActionAsync(TurnContext turn, AdaptiveCardAction action, CancellationToken cancellationToken) =>
        _verbs.TryGetValue(action.Verb, out var verb)
            ? verb.RunAsync(turn, action, cancellationToken)
            : Task.FromResult(InvokeResponse.Card(NoticeCards.UnknownAction()));

    private BotCommand? FindCommand(string name) => _commands.FirstOrDefault(c => c.Name == name);

    private static bool IsCommand(string text, string name) =>
        text.StartsWith(name, StringComparison.OrdinalIgnoreCase)
        && (text.Length == name.Length || char.IsWhiteSpace(text[name.Length]));
}
