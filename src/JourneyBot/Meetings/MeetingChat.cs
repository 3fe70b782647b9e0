using JourneyBot.Cards;
using JourneyBot.Conversations;
using JourneyBot.Protocol;

namespace JourneyBot.Meetings;

// Posts to a meeting's chat, through the conversation reference the bot keeps for it (written when the app was
// added to the meeting or someone spoke to the bot there). The chat id comes from the side panel's TeamsJS context;
// it is only ever looked up in the caller's own tenant, and a chat the bot is not in gets nothing sent.
public sealed class MeetingChat(ConversationStore conversations, ConnectorClient connector, ILogger<MeetingChat> logger)
{
    public const int MaxChatIdLength = 300;

    public static bool IsChatId(string? id) =>
        id is { Length: > 0 and <= MaxChatIdLength } && id.All(c => c is > ' ' and <= '~');

    // Null when posted, else what to tell the owner.
    public async Task<string?> PostAsync(string tenantId, string? chatId, AdaptiveCard card, CancellationToken cancellationToken)
    {
        if (!IsChatId(chatId))
        {
            return "This panel was not opened in a meeting, so the summary was not posted to a meeting chat.";
        }
        if (await conversations.GetConversationAsync(tenantId, chatId!, cancellationToken) is not { ServiceUrl.Length: > 0 } chat)
        {
            return "JourneyBot is not in this meeting's chat, so it could not post the summary there. Type @JourneyBot help " +
                "in the meeting chat (or add JourneyBot to it) and it can post the next one; the review itself is recorded.";
        }
        var activity = card.ToActivity();
        activity.Conversation = new ConversationAccount { Id = chat.ConversationId, TenantId = tenantId };
        activity.From = new ChannelAccount { Id = chat.BotId };
        try
        {
            await connector.SendToConversationAsync(chat.ServiceUrl, chat.ConversationId, activity, cancellationToken);
            return null;
        }
        catch (Exception e) when (e is ConnectorException or HttpRequestException or InvalidOperationException)
        {
            logger.LogWarning("Posting a review summary to a meeting chat failed: {Kind}", e.GetType().Name);
            return "Teams did not take the summary for the meeting chat just now; the review itself is recorded.";
        }
    }
}
