using System.Net;
using JourneyBot.Cards;
using JourneyBot.Conversations;
using JourneyBot.Protocol;

namespace JourneyBot.Meetings;

// Posts to a meeting's chat, through the conversation reference the bot keeps for it (written when the app was
// added to the meeting or someone spoke to the bot there). The chat id comes from the side panel's TeamsJS context,
// that is from the client: it is only ever looked up in the caller's own tenant, a chat the bot is not in gets
// nothing sent, and neither does one Teams does not list the caller as a member of. The post is paced like every
// other send (SendRateLimiter), retries and Retry-After included.
public sealed class MeetingChat(ConversationStore conversations, ConnectorClient connector, SendRateLimiter limiter,
    ILogger<MeetingChat> logger)
{
    public const int MaxChatIdLength = 300;

    public static bool IsChatId(string? id) =>
        id is { Length: > 0 and <= MaxChatIdLength } && id.All(c => c is > ' ' and <= '~');

    // Null when posted, else what to tell the owner. callerAadObjectId: who asked for the post (from their token).
    public async Task<string?> PostAsync(string tenantId, string callerAadObjectId, string? chatId, AdaptiveCard card,
        CancellationToken cancellationToken)
    {
        if (!IsChatId(chatId))
        {
            return "This panel was not opened in a meeting, so the summary was not posted to a meeting chat.";
        }
        if (await conversations.GetConversationAsync(tenantId, chatId!, cancellationToken)
            is not { ServiceUrl.Length: > 0 } chat)
        {
            return "JourneyBot is not in this meeting's chat, so it could not post the summary there. Type " +
                "@JourneyBot help in the meeting chat (or add JourneyBot to it) and it can post the next one; the " +
                "review itself is recorded.";
        }
        if (await MembershipAsync(chat, callerAadObjectId, cancellationToken) is { } notMember) return notMember;
        var activity = card.ToActivity();
        activity.Conversation = new ConversationAccount { Id = chat.ConversationId, TenantId = tenantId };
        activity.From = new ChannelAccount { Id = chat.BotId };
        try
        {
            // Paced (retries too) and stoppable while it waits its turn; not cancelled once on its way, as
            // PersonalMessenger's sends are not.
            await connector.SendToConversationAsync(chat.ServiceUrl, chat.ConversationId, activity,
                limiter.Pacer(tenantId, chat.ConversationId, cancellationToken), CancellationToken.None);
            return null;
        }
        catch (ConnectorException e) when (e.MayHaveArrived)
        {
            logger.LogWarning("A review summary to a meeting chat got no answer; not sent again.");
            return "Teams did not answer in time, so the summary may or may not be in the meeting chat (it was not " +
                "sent again, so it is never there twice); the review itself is recorded.";
        }
        catch (Exception e) when (e is ConnectorException or HttpRequestException or InvalidOperationException)
        {
            logger.LogWarning("Posting a review summary to a meeting chat failed: {Kind}", e.GetType().Name);
            return "Teams did not take the summary for the meeting chat just now; the review itself is recorded.";
        }
    }

    // Null when Teams lists the caller as a member of the chat, else why nothing is posted.
    private async Task<string?> MembershipAsync(ConversationRow chat, string callerAadObjectId,
        CancellationToken cancellationToken)
    {
        try
        {
            var member = await connector.GetConversationMemberAsync(chat.ServiceUrl, chat.ConversationId,
                callerAadObjectId, cancellationToken);
            if (member is null) return NotMember;
            return member.AadObjectId is { Length: > 0 } aad
                && !string.Equals(aad, callerAadObjectId, StringComparison.OrdinalIgnoreCase) ? NotMember : null;
        }
        catch (ConnectorException e) when (e.Status is HttpStatusCode.NotFound or HttpStatusCode.Forbidden)
        {
            return NotMember;
        }
        catch (ConnectorException e)
        {
            logger.LogWarning("Could not look up a meeting chat's member: {Status}", e.Status);
            return "Teams could not confirm just now that you are in this meeting's chat, so the summary was not " +
                "posted there; the review itself is recorded.";
        }
    }

    private const string NotMember = "You are not a member of this meeting's chat, so the summary was not posted " +
        "there; the review itself is recorded. Complete the review from the side panel of your own meeting.";
}
