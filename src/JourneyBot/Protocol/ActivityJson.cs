using System.Text.Json;
using System.Text.Json.Serialization;

namespace JourneyBot.Protocol;

public static class ActivityJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static Activity Parse(ReadOnlySpan<byte> utf8Json) =>
        JsonSerializer.Deserialize<Activity>(utf8Json, Options)
        ?? throw new JsonException("The request body is the JSON literal null, not an activity.");

    public static string Serialize(Activity activity) => JsonSerializer.Serialize(activity, Options);

    // Names the first required field an inbound activity lacks, or null when it has them all.
    public static string? FindMissingRequiredField(Activity activity)
    {
        if (string.IsNullOrWhiteSpace(activity.Type)) return "type";
        if (string.IsNullOrWhiteSpace(activity.ChannelId)) return "channelId";
        if (string.IsNullOrWhiteSpace(activity.ServiceUrl)) return "serviceUrl";
        if (string.IsNullOrWhiteSpace(activity.Conversation?.Id)) return "conversation.id";
        if (string.IsNullOrWhiteSpace(activity.From?.Id)) return "from.id";
        if (string.IsNullOrWhiteSpace(activity.Recipient?.Id)) return "recipient.id";
        return null;
    }
}
