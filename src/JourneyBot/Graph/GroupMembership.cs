using Microsoft.Graph.Users.Item.CheckMemberGroups;

namespace JourneyBot.Graph;

// Whether a person is in a group, directly or through nested groups (Graph's checkMemberGroups; the app needs
// GroupMember.Read.All). Null when the directory cannot say: callers treat that as "not a member".
public sealed class GroupMembership(GraphClients graph)
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public async Task<bool?> IsMemberAsync(string tenantId, string aadObjectId, string groupId,
        CancellationToken cancellationToken)
    {
        if (!graph.IsConnected) return null;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            var found = await graph.For(tenantId).Users[aadObjectId].CheckMemberGroups
                .PostAsCheckMemberGroupsPostResponseAsync(new CheckMemberGroupsPostRequestBody { GroupIds = [groupId] },
                    cancellationToken: timeout.Token);
            return found?.Value?.Contains(groupId, StringComparer.OrdinalIgnoreCase) ?? false;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is not OutOfMemoryException)
        {
            return null;
        }
    }
}
