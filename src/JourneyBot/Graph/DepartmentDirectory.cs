using Azure.Identity;
using JourneyBot.Domain;
using Microsoft.Graph.Models.ODataErrors;

namespace JourneyBot.Graph;

public sealed class DirectoryUnavailableException(string message) : Exception(message);

// The people whose directory profile names a department, so owners can name a department's contacts
// without knowing who they are.
public sealed class DepartmentDirectory(GraphClients graph)
{
    public const int MaxPeople = 25;
    // The owner is waiting on a card (Teams gives an invoke a few seconds): a slow directory is an unavailable one.
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public const string NotConnected = "The directory look-up is not connected here: JourneyBot runs without a Microsoft App Id, so it cannot sign in to your organisation's directory. An admin deploys it with its identity (MicrosoftAppId, see README) and grants it User.Read.All.";

    public async Task<IReadOnlyList<Person>> PeopleInAsync(string tenantId, string department, CancellationToken cancellationToken)
    {
        if (!graph.IsConnected) throw new DirectoryUnavailableException(NotConnected);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            var page = await graph.For(tenantId).Users.GetAsync(request =>
            {
                // Filtering on department is an advanced query: it needs $count and eventual consistency.
                request.QueryParameters.Filter = $"department eq '{department.Replace("'", "''")}' and accountEnabled eq true";
                request.QueryParameters.Select = ["id", "displayName"];
                request.QueryParameters.Top = MaxPeople;
                request.QueryParameters.Count = true;
                request.Headers.Add("ConsistencyLevel", "eventual");
            }, timeout.Token);
            return page?.Value?.Where(u => u.Id is { Length: > 0 }).Select(u => new Person(u.Id!, u.DisplayName ?? "Unnamed")).ToList() ?? [];
        }
        catch (ODataError e) when (e.ResponseStatusCode == 401)
        {
            throw new DirectoryUnavailableException("JourneyBot could not sign in to the directory; an admin should check the bot's identity and its Graph permissions.");
        }
        catch (ODataError e) when (e.ResponseStatusCode == 403)
        {
            throw new DirectoryUnavailableException("JourneyBot may not read the directory in this organisation (an admin must grant User.Read.All).");
        }
        catch (Exception e) when (e is AuthenticationFailedException or CredentialUnavailableException)
        {
            throw new DirectoryUnavailableException("JourneyBot could not sign in to the directory; an admin should check the bot's identity and its Graph permissions.");
        }
        // Whatever else went wrong (an error answer, a broken or slow connection, an unreadable reply), the owner's
        // card says so at once; only the turn itself being cancelled is not ours to answer.
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is not DirectoryUnavailableException)
        {
            throw new DirectoryUnavailableException("The directory did not answer; try again in a moment.");
        }
    }
}
