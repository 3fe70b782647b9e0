using JourneyBot.Storage;
using JourneyBot.Protocol;

namespace JourneyBot.Conversations;

// A stored conversation reference. PartitionKey = tenant; RowKey = "c:" + conversation id, or "u:" + user for
// the personal chat through which a user can be reached.
public sealed class ConversationRow : TableRow
{
    public string ServiceUrl { get; set; } = "";
    public string ChannelId { get; set; } = "";
    public string ConversationId { get; set; } = "";
    public string ConversationType { get; set; } = "";
    public string? TenantId { get; set; }
    public string BotId { get; set; } = "";
    public string? BotName { get; set; }
    public string? UserId { get; set; }
    public string? UserAadObjectId { get; set; }
    public bool Active { get; set; }
    public DateTimeOffset? InstalledAt { get; set; }
    public DateTimeOffset? UninstalledAt { get; set; }
    // On user rows: the IANA time zone Teams last reported for the person (clientInfo), for quiet hours.
    public string? TimeZone { get; set; }

    public ConversationReference ToReference() => new(ServiceUrl, ChannelId, ConversationId, ConversationType, TenantId, BotId, BotName, UserId, UserAadObjectId);

    public void CopyFrom(ConversationReference reference)
    {
        ServiceUrl = reference.ServiceUrl;
        ChannelId = reference.ChannelId;
        ConversationId = reference.ConversationId;
        ConversationType = reference.ConversationType;
        TenantId = reference.TenantId;
        BotId = reference.BotId;
        BotName = reference.BotName;
        UserId = reference.UserId;
        UserAadObjectId = reference.UserAadObjectId;
    }

    public bool Matches(ConversationReference reference) =>
        ServiceUrl == reference.ServiceUrl && ConversationId == reference.ConversationId && BotId == reference.BotId && TenantId == reference.TenantId;
}
