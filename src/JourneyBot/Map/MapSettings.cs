using JourneyBot.Configuration;
using JourneyBot.Protocol;
using Microsoft.Extensions.Configuration;

namespace JourneyBot.Map;

// How the map tab knows who is looking. With a tab client id, Teams SSO tokens (Entra ID v2) for that app;
// without one (and without a bot app id) only this machine, as the named local user, like the bot's own rule.
public sealed record MapSettings
{
    public const string EntraMetadataUrl = "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration";
    public const string Scope = "access_as_user";
    // Teams, Microsoft 365 and Outlook hosts that may frame the tab; nothing else may.
    public static readonly IReadOnlyList<string> FrameAncestors =
    [
        "https://teams.microsoft.com", "https://*.teams.microsoft.com", "https://*.cloud.microsoft", "https://*.microsoft365.com",
        "https://*.office.com", "https://outlook.office.com", "https://outlook.office365.com", "https://outlook.live.com",
    ];

    public string? ClientId { get; init; }
    public Uri OpenIdMetadataUrl { get; init; } = new(EntraMetadataUrl);
    public bool IsLocal { get; init; }
    public bool IsConfigured => IsLocal || ClientId is not null;
    public string LocalTenantId { get; init; } = "local-tenant";
    public string LocalUserObjectId { get; init; } = "local-user";
    public string LocalUserName { get; init; } = "Local developer";

    public static MapSettings Load(IConfiguration config, BotSettings bot, OptionalFeatures? features = null)
    {
        string? Read(string key) => string.IsNullOrWhiteSpace(config[key]) ? null : config[key]!.Trim();
        var clientId = Read("Map:ClientId");
        // A tab client id that is not a GUID turns the map tab off (it says it is not set up); the bot works on.
        var badClientId = clientId is not null && !Guid.TryParse(clientId, out _);
        if (badClientId)
        {
            features?.TurnOff("mapTab", "Map:ClientId is not a GUID (the tab's Entra app registration)");
            clientId = null;
        }
        var metadataText = Read("Map:OpenIdMetadataUrl") ?? EntraMetadataUrl;
        if (!Uri.TryCreate(metadataText, UriKind.Absolute, out var metadataUrl)
            || !(metadataUrl.Scheme == Uri.UriSchemeHttps || (metadataUrl.Scheme == Uri.UriSchemeHttp && metadataUrl.IsLoopback)))
        {
            throw new ConfigurationException("Map:OpenIdMetadataUrl must be an absolute https URL (http is allowed for loopback only).");
        }
        return new MapSettings
        {
            ClientId = clientId,
            OpenIdMetadataUrl = metadataUrl,
            // A deployed bot without a tab registration serves no map at all rather than an unauthenticated one.
            IsLocal = clientId is null && !badClientId && bot.IsAnonymous,
            LocalTenantId = Read("Map:LocalTenantId") ?? "local-tenant",
            LocalUserObjectId = Read("Map:LocalUserObjectId") ?? "local-user",
            LocalUserName = Read("Map:LocalUserName") ?? "Local developer",
        };
    }
}
