using System.Text.Json;
using System.Text.Json.Serialization;

namespace JourneyBot.Protocol;

public static class ActivityJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static Activity Parse(byte[] utf8Json)
    {
        var activity = JsonSerializer.Deserialize<Activity>(WithoutLoneSurrogates(utf8Json), Options)
            ?? throw new JsonException("The request body is the JSON literal null, not an activity.");
        // A null in a list is no member, entity or attachment; dropping it here spares every reader a null check.
        activity.MembersAdded?.RemoveAll(m => m is null);
        activity.MembersRemoved?.RemoveAll(m => m is null);
        activity.Entities?.RemoveAll(e => e is null);
        activity.Attachments?.RemoveAll(a => a is null);
        return activity;
    }

    // JSON may escape half a UTF-16 surrogate pair ("\ud800"), which no string can be written back out as
    // (replies, storage): such halves become U+FFFD, as a UTF-8 decoder treats broken bytes.
    public static byte[] WithoutLoneSurrogates(byte[] json)
    {
        var copy = (byte[]?)null;
        for (var i = 0; i < json.Length; i++)
        {
            if (json[i] != (byte)'\\' || i + 1 >= json.Length) continue;
            if (json[i + 1] != (byte)'u' || !TryHex(json, i + 2, out var unit))
            {
                i++; // an escaped character, which may itself be a backslash
                continue;
            }
            if (char.IsHighSurrogate((char)unit) && i + 11 < json.Length && json[i + 6] == (byte)'\\' && json[i + 7] == (byte)'u'
                && TryHex(json, i + 8, out var low) && char.IsLowSurrogate((char)low))
            {
                i += 11;
                continue;
            }
            if (char.IsSurrogate((char)unit))
            {
                copy ??= (byte[])json.Clone();
                "FFFD"u8.CopyTo(copy.AsSpan(i + 2));
            }
            i += 5;
        }
        return copy ?? json;
    }

    private static bool TryHex(byte[] json, int start, out int value)
    {
        value = 0;
        if (start + 4 > json.Length) return false;
        for (var k = start; k < start + 4; k++)
        {
            var digit = HexDigit(json[k]);
            if (digit < 0) return false;
            value = value * 16 + digit;
        }
        return true;
    }

    private static int HexDigit(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };

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
