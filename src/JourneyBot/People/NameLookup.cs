using JourneyBot.Conversations;
using JourneyBot.Domain;
using JourneyBot.Protocol;

namespace JourneyBot.People;

// Who knows a person's name: Teams knows the members of a conversation (and each person's own chat with
// JourneyBot), the directory knows everyone in the tenant. A name is a courtesy, never a condition: a source that
// refuses or is slow is skipped, and whoever no source names is simply not in the answer.
public sealed class NameLookup(ConnectorClient connector, ConversationStore conversations, PersonNames directory, TimeProvider clock)
{
    private const int PageSize = 500;
    private const int MaxPages = 20;
    // Past this many people one walk through the member list costs fewer calls than a lookup each.
    private const int ListAbove = 3;
    private const int AtOnce = 4;

    // People picked in this conversation: its members first (the member list when many), then the directory.
    public async Task<IReadOnlyDictionary<string, Person>> InConversationAsync(string serviceUrl, string conversationId, string tenantId,
        IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        var named = new Dictionary<string, Person>();
        if (ids.Count == 0) return named;
        if (ids.Count > ListAbove) await FromMemberListAsync(serviceUrl, conversationId, ids, named, cancellationToken);
        else await EachAsync(ids, id => MemberAsync(serviceUrl, conversationId, id, id, cancellationToken), named, cancellationToken);
        await EachAsync(ids.Where(id => !named.ContainsKey(id)).ToList(), id => FromDirectoryAsync(tenantId, id, cancellationToken), named, cancellationToken);
        return named;
    }

    // Names kept on a program, read again outside any conversation: the directory first, then the person's own
    // chat with JourneyBot (anyone who ever messaged it can be named, even with no directory connected).
    public async Task<IReadOnlyDictionary<string, Person>> AgainAsync(string tenantId, IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        var named = new Dictionary<string, Person>();
        await EachAsync(ids, id => FromDirectoryAsync(tenantId, id, cancellationToken), named, cancellationToken);
        await EachAsync(ids.Where(id => !named.ContainsKey(id)).ToList(), async id =>
            await conversations.GetPersonalChatAsync(tenantId, id, cancellationToken) is { ServiceUrl.Length: > 0, ConversationId.Length: > 0 } chat
                ? await MemberAsync(chat.ServiceUrl, chat.ConversationId, chat.UserId ?? id, id, cancellationToken)
                : null, named, cancellationToken);
        return named;
    }

    private async Task FromMemberListAsync(string serviceUrl, string conversationId, IReadOnlyCollection<string> ids, Dictionary<string, Person> named, CancellationToken cancellationToken)
    {
        var wanted = ids.ToHashSet(StringComparer.OrdinalIgnoreCase);
        string? next = null;
        for (var page = 0; page < MaxPages && named.Count < wanted.Count; page++)
        {
            PagedMembersResult result;
            try
            {
                result = await connector.GetPagedMembersAsync(serviceUrl, conversationId, PageSize, next, cancellationToken);
            }
            catch (ConnectorException)
            {
                return;
            }
            foreach (var member in result.Members ?? [])
            {
                var id = member.AadObjectId is { Length: > 0 } aad && wanted.Contains(aad) ? aad : member.Id is { } other && wanted.Contains(other) ? other : null;
                if (id is not null && Named(id, member.Name) is { } person) named[wanted.First(w => string.Equals(w, id, StringComparison.OrdinalIgnoreCase))] = person;
            }
            next = result.ContinuationToken;
            if (string.IsNullOrEmpty(next)) return;
        }
    }

    private async Task<Person?> MemberAsync(string serviceUrl, string conversationId, string memberId, string aadObjectId, CancellationToken cancellationToken)
    {
        try
        {
            var member = await connector.GetConversationMemberAsync(serviceUrl, conversationId, memberId, cancellationToken);
            return Named(aadObjectId, member?.Name);
        }
        catch (ConnectorException)
        {
            return null;
        }
    }

    private async Task<Person?> FromDirectoryAsync(string tenantId, string id, CancellationToken cancellationToken) =>
        Named(id, await directory.NameOfAsync(tenantId, id, cancellationToken));

    private Person? Named(string id, string? name) =>
        name is { Length: > 0 } && !string.IsNullOrWhiteSpace(name)
            ? new Person(id, name[..Math.Min(name.Length, TextLimits.PersonName)]) { NamedAt = clock.GetUtcNow() }
            : null;

    private static async Task EachAsync(IReadOnlyCollection<string> ids, Func<string, Task<Person?>> find, Dictionary<string, Person> named, CancellationToken cancellationToken)
    {
        var found = new System.Collections.Concurrent.ConcurrentBag<Person>();
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = AtOnce, CancellationToken = cancellationToken }, async (id, _) =>
        {
            if (await find(id) is { } person) found.Add(person);
        });
        foreach (var person in found) named[person.AadObjectId] = person;
    }
}
