using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;

namespace JourneyBot.Graph;

// Installs JourneyBot in a person's personal scope so the bot can open a chat with them. Returns null when
// it is installed (now or already), else why not, in words an owner can act on.
public sealed class AppInstaller(GraphClients graph, GraphSettings settings)
{
    public async Task<string?> InstallForUserAsync(string tenantId, string aadObjectId, CancellationToken cancellationToken)
    {
        if (settings.TeamsAppId is null) return "JourneyBot is not installed for them and cannot install itself: automatic install is not set up (an admin sets Graph__TeamsAppId, see README). Until then, ask them to add JourneyBot in Teams.";
        var installation = new UserScopeTeamsAppInstallation
        {
            AdditionalData = new Dictionary<string, object> { ["teamsApp@odata.bind"] = $"{settings.BaseUrl.ToString().TrimEnd('/')}/appCatalogs/teamsApps/{settings.TeamsAppId}" },
        };
        try
        {
            await graph.For(tenantId).Users[aadObjectId].Teamwork.InstalledApps.PostAsync(installation, cancellationToken: cancellationToken);
            return null;
        }
        catch (ODataError e) when (e.ResponseStatusCode == 409)
        {
            return null;
        }
        catch (ODataError e) when (e.ResponseStatusCode == 403)
        {
            // Graph answers 403 for three different causes and says nothing about which: name them all.
            return "JourneyBot is not installed for them and may not install itself. A Teams admin can check three things: " +
                   "the app's availability (app permission or setup policies may not allow JourneyBot for this person), " +
                   "the app's ids (the manifest's webApplicationInfo.id must be the client id JourneyBot signs in to Graph " +
                   "with, and Graph:TeamsAppId its id in the org's app catalog), and the Graph application permission " +
                   "TeamsAppInstallation.ReadWriteSelfForUser.All with admin consent. Until then, ask them to add JourneyBot in Teams.";
        }
        catch (ODataError e) when (e.ResponseStatusCode == 404)
        {
            return "JourneyBot could not install itself for them: they are not in the directory (left the organisation?), or JourneyBot is not published in your organisation's app catalog. Check their account, or ask your Teams admin to publish JourneyBot.";
        }
        catch (Exception e) when (e is ODataError or HttpRequestException or TaskCanceledException)
        {
            return "JourneyBot is not installed for them, and Microsoft 365 did not answer when JourneyBot tried to install itself; it will try again.";
        }
    }
}
