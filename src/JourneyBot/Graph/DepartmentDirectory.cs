using JourneyBot.Domain;
using Microsoft.Graph.Models.ODataErrors;

namespace JourneyBot.Graph;

public sealed class DirectoryUnavailableException(string message) : Exception(message);

// The people whose directory profile names a department, so owners can name a department's contacts
// without knowing who they are.
public sealed class DepartmentDirectory(GraphClients graph)
{
    public const int MaxPeople = 25;

    public async Task<IReadOnlyList<Person>> PeopleInAsync(string tenantId, string department, CancellationToken cancellationToken)
    {
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
            }, cancellationToken);
            return page?.Value?.Where(u => u.Id is { Length: > 0 }).Select(u => new Person(u.Id!, u.DisplayName ?? "Unnamed")).ToList() ?? [];
        }
        catch (ODataError e) when (e.ResponseStatusCode == 403)
        {
            throw new DirectoryUnavailableException("JourneyBot may not read the directory in this organisation (an admin must grant User.Read.All).");
        }
        catch (Exception e) when (e is ODataError or HttpRequestException or TaskCanceledException)
        {
            throw new DirectoryUnavailableException("The directory did not answer; try again in a moment.");
        }
    }
}
