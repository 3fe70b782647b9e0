using Microsoft.Extensions.Configuration;
using JourneyBot.Configuration;

namespace JourneyBot.Graph;

// Graph:BaseUrl points the SDK elsewhere (tests use a local fake); Graph:TeamsAppId is the app's id in the
// organisation's app catalog, needed to install JourneyBot for someone who has not installed it.
public sealed record GraphSettings(Uri BaseUrl, string? TeamsAppId)
{
    public static GraphSettings Load(IConfiguration configuration, OptionalFeatures? features = null)
    {
        var raw = configuration["Graph:BaseUrl"] ?? "https://graph.microsoft.com/v1.0";
        if (!Uri.TryCreate(raw, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http") || (url.Scheme == "http" && !url.IsLoopback))
        {
            throw new ConfigurationException("Graph:BaseUrl must be an absolute https URL (http only for loopback).");
        }
        var appId = configuration["Graph:TeamsAppId"];
        // A catalog id that is not a GUID turns self-install off; everything else works.
        if (appId is { Length: > 0 } && !Guid.TryParse(appId, out _))
        {
            features?.TurnOff("selfInstall", "Graph:TeamsAppId is not a GUID (the app's id in the org's app catalog)");
            appId = null;
        }
        return new GraphSettings(url, string.IsNullOrWhiteSpace(appId) ? null : appId);
    }
}
