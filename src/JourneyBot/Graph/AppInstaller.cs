using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;

namespace JourneyBot.Graph;

// Installs JourneyBot in a person's personal scope so the bot can open a chat with them. Returns null when
// it is installed (now or already), else why not, in words an owner can act on.
public sealed class AppInstaller(GraphClients graph, GraphSettings settings)
{
    public async Task<string?> InstallForUserAsync(string tenantId, string aadObjectId, CancellationToken cancellationToken)
    {
        if (settings.TeamsAppId is null) return "JourneyBot is not installed for them, and installing it for people is not set up (Graph:TeamsAppId). Ask them to add JourneyBot in Teams.";
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
            return "JourneyBot may not install itself for people in this organisation (an admin must grant TeamsAppInstallation.ReadWriteSelfForUser.All). Ask them to add JourneyBot in Teams.";
        }
        catch (ODataError e) when (e.ResponseStatusCode == 404)
        {
            return "They were not found in the directory, or JourneyBot is not in the organisation's app catalog.";
        }
        catch (Exception e) when (e is ODataError or HttpRequestException or TaskCanceledException)
        {
            return "Microsoft Graph did not answer when installing JourneyBot for them; it will be tried again.";
        }
    }
}
