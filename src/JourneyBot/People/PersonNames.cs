using JourneyBot.Graph;

namespace JourneyBot.People;

// A person's name from the directory, for people the conversation does not know (picked from the whole
// organisation). Short and forgiving: the owner is waiting on a card, and a name is a courtesy, not a condition.
public sealed class PersonNames(GraphClients graph)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    // Null when Graph is not connected, does not know them, refuses or is slow.
    public async Task<string?> NameOfAsync(string tenantId, string aadObjectId, CancellationToken cancellationToken)
    {
        if (!graph.IsConnected) return null;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            var user = await graph.For(tenantId).Users[aadObjectId].GetAsync(request => request.QueryParameters.Select = ["id", "displayName"], timeout.Token);
            return user?.DisplayName is { Length: > 0 } name ? name : null;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is not OutOfMemoryException)
        {
            return null;
        }
    }
}
