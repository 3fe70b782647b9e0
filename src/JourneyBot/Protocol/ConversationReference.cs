namespace JourneyBot.Protocol;

// What a proactive message needs to reach a conversation again later.
public sealed record ConversationReference(
    string ServiceUrl,
    string ChannelId,
    string ConversationId,
    string ConversationType,
    string? TenantId,
    string BotId,
    string? BotName,
    string? UserId,
    string? UserAadObjectId);
