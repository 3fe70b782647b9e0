using System.Text.Json;

namespace JourneyBot.Protocol;

// What an authenticated activity must look like before any work: ids the storage can key on, one tenant, and a
// connector endpoint the bot may call. A channel never sends anything else, so a refusal here is a 400, not a
// card: it is either a bug in a client or someone probing.
public static class InboundLimits
{
    // Storage keys are at most 1 KiB and some are made of two ids (conversation + activity), percent-encoded
    // where an id holds / \ # ?; these lengths keep the worst case under the limit. Teams' own ids are far shorter.
    public const int MaxConversationId = 220;
    public const int MaxActivityId = 120;
    public const int MaxAccountId = 256;
    public const int MaxDirectoryId = 64;
    public const int MaxChannelId = 64;

    public static string? FindProblem(Activity activity, BotSettings settings)
    {
        if (!settings.AcceptsServiceUrl(activity.ServiceUrl!)) return "serviceUrl is not a connector endpoint this bot accepts.";
        if (Bad(activity.Conversation!.Id, MaxConversationId)) return $"conversation.id must be printable ASCII of at most {MaxConversationId} characters.";
        if (activity.Id is not null && Bad(activity.Id, MaxActivityId)) return $"id must be printable ASCII of at most {MaxActivityId} characters.";
        if (Bad(activity.From!.Id, MaxAccountId)) return $"from.id must be printable ASCII of at most {MaxAccountId} characters.";
        if (Bad(activity.Recipient!.Id, MaxAccountId)) return $"recipient.id must be printable ASCII of at most {MaxAccountId} characters.";
        if (Bad(activity.ChannelId, MaxChannelId)) return $"channelId must be printable ASCII of at most {MaxChannelId} characters.";
        if (activity.From.AadObjectId is { } aad && !IsDirectoryId(aad)) return "from.aadObjectId is not a directory object id.";

        var conversationTenant = activity.Conversation.TenantId;
        var channelTenant = ChannelDataTenant(activity);
        if (conversationTenant is not null && !IsDirectoryId(conversationTenant)) return "conversation.tenantId is not a tenant id.";
        if (channelTenant is not null && !IsDirectoryId(channelTenant)) return "channelData.tenant.id is not a tenant id.";
        // Two tenants in one activity: whichever a reader picks, the other could be forged.
        if (conversationTenant is not null && channelTenant is not null && !string.Equals(conversationTenant, channelTenant, StringComparison.OrdinalIgnoreCase))
        {
            return "conversation.tenantId and channelData.tenant.id name different tenants.";
        }
        return null;
    }

    public static string? ChannelDataTenant(Activity activity) =>
        activity.ChannelData is { ValueKind: JsonValueKind.Object } data
        && data.TryGetProperty("tenant", out var tenant) && tenant.ValueKind == JsonValueKind.Object
        && tenant.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
            ? id.GetString()
            : null;

    // Entra object and tenant ids are GUIDs; test and emulator ids are short plain tokens.
    private static bool IsDirectoryId(string id) =>
        id.Length is > 0 and <= MaxDirectoryId && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    private static bool Bad(string? id, int max) => id is null || id.Length == 0 || id.Length > max || id.Any(c => c is < '!' or > '~');
}
