using Microsoft.Extensions.Configuration;
using JourneyBot.Configuration;

namespace JourneyBot.Protocol;

public enum BotAppType { MultiTenant, SingleTenant, UserAssignedMSI }

// The bot's identity and the channel-authentication settings, read and checked once at start-up.
public sealed record BotSettings
{
    public const string PublicCloudOpenIdMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";
    public const string PublicCloudTokenIssuer = "https://api.botframework.com";
    public const string ConnectorScope = "https://api.botframework.com/.default";
    // Teams' connector endpoints: the public cloud (regional paths under one host) and the government clouds.
    public static readonly IReadOnlyList<string> TeamsServiceUrlHosts =
        ["smba.trafficmanager.net", "smba.infra.gcc.teams.microsoft.com", "smba.infra.gov.teams.microsoft.us", "smba.infra.dod.teams.microsoft.us"];
    public const int MaxServiceUrlLength = 256;

    public string? AppId { get; init; }
    public string? AppPassword { get; init; }
    public string? AppTenantId { get; init; }
    // A single-tenant app registration without a secret: its federated credential trusts this managed identity.
    public string? ManagedIdentityClientId { get; init; }
    public BotAppType AppType { get; init; }
    public Uri OpenIdMetadataUrl { get; init; } = new(PublicCloudOpenIdMetadataUrl);
    public string TokenIssuer { get; init; } = PublicCloudTokenIssuer;
    // Keys are refetched after this long even when every key id is known.
    public TimeSpan KeyRefreshInterval { get; init; } = TimeSpan.FromHours(24);
    // An unknown key id refetches the keys at most this often, so forged tokens cannot make us fetch per request.
    public TimeSpan UnknownKeyRefetchCooldown { get; init; } = TimeSpan.FromMinutes(5);

    // Hosts an activity's serviceUrl may name ("*.example.com" matches subdomains). Tests and local load
    // harnesses list loopback hosts to run a local connector with authentication on.
    public IReadOnlyList<string> ServiceUrlHosts { get; init; } = TeamsServiceUrlHosts;

    public bool IsAnonymous => AppId is null;

    // Whether the bot may accept (and later call) this connector endpoint: https on an accepted host; plain
    // http only on loopback, which anonymous local development always accepts.
    public bool AcceptsServiceUrl(string serviceUrl)
    {
        if (serviceUrl.Length > MaxServiceUrlLength || !Uri.TryCreate(serviceUrl, UriKind.Absolute, out var url)) return false;
        if (url.Scheme != Uri.UriSchemeHttps && !(url.Scheme == Uri.UriSchemeHttp && url.IsLoopback)) return false;
        if (url.UserInfo.Length > 0 || url.Query.Length > 0 || url.Fragment.Length > 0) return false;
        if (IsAnonymous) return url.IsLoopback;
        var host = url.IdnHost;
        return ServiceUrlHosts.Any(pattern => pattern.StartsWith("*.", StringComparison.Ordinal)
            ? host.EndsWith(pattern[1..], StringComparison.OrdinalIgnoreCase)
            : string.Equals(host, pattern, StringComparison.OrdinalIgnoreCase));
    }

    public static BotSettings Load(IConfiguration config)
    {
        string? Read(string key) => string.IsNullOrWhiteSpace(config[key]) ? null : config[key]!.Trim();

        var appId = Read("MicrosoftAppId");
        var password = Read("MicrosoftAppPassword");
        var tenantId = Read("MicrosoftAppTenantId");
        var appTypeText = Read("MicrosoftAppType");
        var identityId = Read("MicrosoftAppManagedIdentityClientId");

        BotAppType appType = BotAppType.MultiTenant;
        if (appTypeText is not null && !Enum.TryParse(appTypeText, ignoreCase: true, out appType))
        {
            throw new ConfigurationException(
                $"MicrosoftAppType '{appTypeText}' is not one of MultiTenant, SingleTenant, UserAssignedMSI.");
        }

        if (appId is null)
        {
            if (password is not null) throw new ConfigurationException("MicrosoftAppPassword is set but MicrosoftAppId is not; set both or neither.");
            if (appTypeText is not null) throw new ConfigurationException($"MicrosoftAppType is '{appTypeText}' but MicrosoftAppId is not set.");
            if (identityId is not null)
            {
                throw new ConfigurationException(
                    "MicrosoftAppManagedIdentityClientId is set but MicrosoftAppId is not; set both or neither.");
            }
        }
        else
        {
            if (!Guid.TryParse(appId, out _)) throw new ConfigurationException("MicrosoftAppId must be a GUID (the bot's Microsoft App ID).");
            switch (appType)
            {
                case BotAppType.MultiTenant when password is null:
                    throw new ConfigurationException("MicrosoftAppPassword is required when MicrosoftAppType is MultiTenant.");
                case BotAppType.SingleTenant when password is null && identityId is null:
                    throw new ConfigurationException("MicrosoftAppType SingleTenant needs MicrosoftAppManagedIdentityClientId "
                        + "(the managed identity the app registration's federated credential trusts) or MicrosoftAppPassword.");
                case BotAppType.SingleTenant when password is not null && identityId is not null:
                    throw new ConfigurationException("Set MicrosoftAppManagedIdentityClientId or MicrosoftAppPassword, not both "
                        + "(with a federated credential the app registration has no secret).");
                case not BotAppType.SingleTenant when identityId is not null:
                    throw new ConfigurationException(
                        $"MicrosoftAppManagedIdentityClientId applies to MicrosoftAppType SingleTenant only, not {appType}.");
                case BotAppType.SingleTenant or BotAppType.UserAssignedMSI when tenantId is null:
                    throw new ConfigurationException($"MicrosoftAppTenantId is required when MicrosoftAppType is {appType}.");
                case BotAppType.UserAssignedMSI when password is not null:
                    throw new ConfigurationException("MicrosoftAppPassword must not be set when MicrosoftAppType is UserAssignedMSI (the managed identity has no secret).");
            }
            if (identityId is not null && !Guid.TryParse(identityId, out _))
            {
                throw new ConfigurationException(
                    "MicrosoftAppManagedIdentityClientId must be a GUID (the managed identity's client id).");
            }
            if (tenantId is not null && !Guid.TryParse(tenantId, out _))
            {
                throw new ConfigurationException("MicrosoftAppTenantId must be a GUID (the Azure AD tenant id).");
            }
        }

        var metadataText = Read("Bot:OpenIdMetadataUrl") ?? PublicCloudOpenIdMetadataUrl;
        if (!Uri.TryCreate(metadataText, UriKind.Absolute, out var metadataUrl)
            || !(metadataUrl.Scheme == Uri.UriSchemeHttps || (metadataUrl.Scheme == Uri.UriSchemeHttp && metadataUrl.IsLoopback)))
        {
            throw new ConfigurationException("Bot:OpenIdMetadataUrl must be an absolute https URL (http is allowed for loopback only).");
        }

        return new BotSettings
        {
            AppId = appId,
            AppPassword = password,
            AppTenantId = tenantId,
            ManagedIdentityClientId = identityId,
            AppType = appType,
            OpenIdMetadataUrl = metadataUrl,
            TokenIssuer = Read("Bot:TokenIssuer") ?? PublicCloudTokenIssuer,
            UnknownKeyRefetchCooldown = ReadDuration(config, "Bot:UnknownKeyRefetchCooldown", TimeSpan.FromMinutes(5)),
            ServiceUrlHosts = Read("Bot:ServiceUrlHosts") is { } hosts
                ? hosts.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                : TeamsServiceUrlHosts,
        };
    }

    private static TimeSpan ReadDuration(IConfiguration config, string key, TimeSpan fallback)
    {
        var text = config[key];
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        if (TimeSpan.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var value) && value >= TimeSpan.Zero) return value;
        throw new ConfigurationException($"{key} must be a duration such as 00:05:00.");
    }
}
