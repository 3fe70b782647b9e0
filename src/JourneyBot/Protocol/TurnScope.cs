using System.Collections;

namespace JourneyBot.Protocol;

// What every log line of a turn carries: structured loggers read the pairs, the console prints them as key=value
// (a plain dictionary would print as its type name).
public sealed class TurnScope(string? activityId, string? conversationId, string? tenantId) : IReadOnlyList<KeyValuePair<string, object?>>
{
    private readonly KeyValuePair<string, object?>[] _pairs =
    [
        new("ActivityId", activityId),
        new("ConversationId", conversationId),
        new("TenantId", tenantId),
    ];

    public static TurnScope For(Activity activity) => new(activity.Id, activity.Conversation?.Id, activity.GetTenantId());

    public int Count => _pairs.Length;
    public KeyValuePair<string, object?> this[int index] => _pairs[index];
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)_pairs).GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => string.Join(" ", _pairs.Select(p => $"{p.Key}={p.Value ?? "-"}"));
}
