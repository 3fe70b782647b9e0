using System.Text.Json;

namespace JourneyBot.Protocol;

public static class ActivityExtensions
{
    // Teams puts the tenant in channelData.tenant.id; newer payloads also carry conversation.tenantId.
    public static string? GetTenantId(this Activity activity) =>
        !string.IsNullOrEmpty(activity.Conversation?.TenantId) ? activity.Conversation.TenantId : InboundLimits.ChannelDataTenant(activity);

    public static bool IsPersonal(this Activity activity) =>
        activity.Conversation?.ConversationType is null or ConversationTypes.Personal
        && activity.Conversation?.IsGroup != true;

    public static IEnumerable<(string? MentionedId, string? Text)> GetMentions(this Activity activity)
    {
        foreach (var entity in activity.Entities ?? [])
        {
            if (!string.Equals(entity.Type, "mention", StringComparison.OrdinalIgnoreCase) || entity.ExtensionData is null) continue;
            string? mentionedId = null, text = null;
            if (entity.ExtensionData.TryGetValue("mentioned", out var mentioned) && mentioned.ValueKind == JsonValueKind.Object
                && mentioned.TryGetProperty("id", out var idElement) && idElement.ValueKind == JsonValueKind.String)
            {
                mentionedId = idElement.GetString();
            }
            if (entity.ExtensionData.TryGetValue("text", out var textElement) && textElement.ValueKind == JsonValueKind.String)
            {
                text = textElement.GetString();
            }
            yield return (mentionedId, text);
        }
    }

    // The IANA time zone of the sender's Teams client ("clientInfo" entity), when it says.
    public static string? GetClientTimeZone(this Activity activity)
    {
        foreach (var entity in activity.Entities ?? [])
        {
            if (string.Equals(entity.Type, "clientInfo", StringComparison.OrdinalIgnoreCase) && entity.ExtensionData is not null
                && entity.ExtensionData.TryGetValue("timezone", out var zone) && zone.ValueKind == JsonValueKind.String && zone.GetString() is { Length: > 0 and <= 64 } text)
            {
                return text;
            }
        }
        return null;
    }

    public static bool MentionsRecipient(this Activity activity) =>
        activity.Recipient?.Id is { } botId && activity.GetMentions().Any(m => m.MentionedId == botId);

    // The command text with the bot's own @mention removed, trimmed.
    public static string GetTextWithoutBotMention(this Activity activity)
    {
        var text = activity.Text ?? string.Empty;
        var botId = activity.Recipient?.Id;
        foreach (var (mentionedId, mentionText) in activity.GetMentions())
        {
            if (mentionedId == botId && !string.IsNullOrEmpty(mentionText))
            {
                text = text.Replace(mentionText, string.Empty, StringComparison.Ordinal);
            }
        }
        // Teams may leave non-breaking spaces and line breaks around the removed mention.
        return text.Replace('\u00a0', ' ').Trim();
    }

    public static ConversationReference GetConversationReference(this Activity activity) => new(
        ServiceUrl: activity.ServiceUrl!,
        ChannelId: activity.ChannelId!,
        ConversationId: activity.Conversation!.Id!,
        ConversationType: activity.Conversation.ConversationType ?? ConversationTypes.Personal,
        TenantId: activity.GetTenantId(),
        BotId: activity.Recipient!.Id!,
        BotName: activity.Recipient.Name,
        UserId: activity.From?.Id,
        UserAadObjectId: activity.From?.AadObjectId);

    // A reply addressed from the bot back into the conversation the activity came from.
    public static Activity CreateReply(this Activity inbound, Activity reply)
    {
        reply.Type ??= ActivityTypes.Message;
        reply.ChannelId = inbound.ChannelId;
        reply.ServiceUrl = inbound.ServiceUrl;
        reply.From = new ChannelAccount { Id = inbound.Recipient?.Id, Name = inbound.Recipient?.Name };
        reply.Recipient = new ChannelAccount { Id = inbound.From?.Id, Name = inbound.From?.Name, AadObjectId = inbound.From?.AadObjectId };
        reply.Conversation = new ConversationAccount
        {
            Id = inbound.Conversation?.Id,
            ConversationType = inbound.Conversation?.ConversationType,
            TenantId = inbound.Conversation?.TenantId,
            IsGroup = inbound.Conversation?.IsGroup,
        };
        // Only messages are threaded replies; install and update events have nothing to reply under.
        if (inbound.Type == ActivityTypes.Message) reply.ReplyToId ??= inbound.Id;
        return reply;
    }
}
