using System.Collections.Concurrent;
using System.Net;
using JourneyBot.Graph;
using JourneyBot.Protocol;

namespace JourneyBot.Conversations;

// What became of a proactive message: delivered (to which chat), or why the person could not be reached.
public sealed record Delivery(string? ConversationId, string? Problem)
{
    // Worth trying again soon (Teams is still opening the chat after an install).
    public bool TryAgain { get; init; }

    public bool Delivered => Problem is null;
}

// Proactive messages to one person, known by AAD object id: through their stored personal chat; else a new 1:1
// chat opened through the connector; else, when the app is not installed for them, installed through Graph
// and tried once more. Connector failures other than "not installed" are thrown, so the caller retries later.
public sealed class PersonalMessenger(ConversationStore conversations, ConnectorClient connector, SendRateLimiter limiter, AppInstaller installer, TimeProvider clock)
{
    // Personal chats as last read, so a run of sends does not re-read them; an uninstall elsewhere shows up as
    // Teams refusing the send, which drops the entry and takes the long way once.
    private static readonly TimeSpan ChatsKeptFor = TimeSpan.FromMinutes(10);
    private readonly ConcurrentDictionary<(string Tenant, string Person), (ConversationRow Chat, DateTimeOffset Until)> _chats = new();

    public async Task<Delivery> SendAsync(string tenantId, string aadObjectId, Activity activity, CancellationToken cancellationToken)
    {
        // Never a chat, a connector call or an install for an erased person's marker.
        if (JourneyBot.Domain.ErasedPerson.Is(aadObjectId)) return new Delivery(null, "This person's data was erased.");
        var key = (tenantId, aadObjectId);
        var now = clock.GetUtcNow();
        var remembered = _chats.TryGetValue(key, out var cached) && cached.Until > now;
        var chat = remembered ? cached.Chat : await conversations.GetPersonalChatAsync(tenantId, aadObjectId, cancellationToken);
        while (chat is { Active: true, ServiceUrl.Length: > 0 })
        {
            try
            {
                await SendToAsync(tenantId, aadObjectId, chat.UserId, chat.ServiceUrl, chat.ConversationId, chat.BotId, activity, cancellationToken);
                _chats[key] = (chat, now + ChatsKeptFor);
                return new Delivery(chat.ConversationId, null);
            }
            catch (ConnectorException e) when (remembered && e.Status is HttpStatusCode.Forbidden or HttpStatusCode.NotFound)
            {
                // A remembered chat Teams no longer takes: read the stored one afresh, once.
                _chats.TryRemove(key, out _);
                remembered = false;
                chat = await conversations.GetPersonalChatAsync(tenantId, aadObjectId, cancellationToken);
            }
        }

        var endpoint = await conversations.AnyEndpointAsync(tenantId, cancellationToken);
        if (endpoint is not { } found) return new Delivery(null, "Nobody in their organisation has JourneyBot installed yet, so Teams cannot be reached there.");
        var conversationId = await OpenChatAsync(tenantId, aadObjectId, found.ServiceUrl, found.BotId, cancellationToken);
        if (conversationId is null)
        {
            if (await installer.InstallForUserAsync(tenantId, aadObjectId, cancellationToken) is { } problem) return new Delivery(null, problem);
            conversationId = await OpenChatAsync(tenantId, aadObjectId, found.ServiceUrl, found.BotId, cancellationToken);
            if (conversationId is null) return new Delivery(null, "JourneyBot was installed for them, but Teams has not opened the chat yet; it will be tried again.") { TryAgain = true };
        }
        await conversations.RecordPersonalChatAsync(new ConversationReference(found.ServiceUrl, "msteams", conversationId, ConversationTypes.Personal, tenantId, found.BotId, null, null, aadObjectId), cancellationToken);
        await SendToAsync(tenantId, aadObjectId, null, found.ServiceUrl, conversationId, found.BotId, activity, cancellationToken);
        return new Delivery(conversationId, null);
    }

    // Null when Teams says the app is not installed for the person.
    private async Task<string?> OpenChatAsync(string tenantId, string aadObjectId, string serviceUrl, string botId, CancellationToken cancellationToken)
    {
        var turn = await limiter.WaitAsync(tenantId, aadObjectId, cancellationToken);
        try
        {
            var created = await connector.CreatePersonalConversationAsync(serviceUrl, tenantId, botId, aadObjectId, cancellationToken);
            return created?.Id is { Length: > 0 } id ? id : null;
        }
        catch (ConnectorException e) when (e.Status is HttpStatusCode.Forbidden or HttpStatusCode.NotFound)
        {
            return null;
        }
        finally
        {
            turn.Answered();
        }
    }

    private async Task SendToAsync(string tenantId, string aadObjectId, string? userId, string serviceUrl, string conversationId, string botId, Activity activity,
        CancellationToken cancellationToken)
    {
        activity.Conversation = new ConversationAccount { Id = conversationId, TenantId = tenantId };
        activity.From = new ChannelAccount { Id = botId };
        activity.Recipient = new ChannelAccount { Id = userId, AadObjectId = aadObjectId };
        // Paced (retries too) and stoppable while it waits its turn; not cancelled once on its way, since a message
        // Teams may have taken must be recorded as sent by the caller.
        await connector.SendToConversationAsync(serviceUrl, conversationId, activity, limiter.Pacer(tenantId, aadObjectId, cancellationToken), CancellationToken.None);
    }
}
