using JourneyBot.Protocol;
using Microsoft.Extensions.Configuration;
using JourneyBot.Configuration;

namespace JourneyBot.Tests.Protocol;

public sealed class BotSettingsTests
{
    private const string AppId = "0d3a5b7c-1e2f-4a6b-8c9d-0e1f2a3b4c5d";
    private const string TenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47";

    private static BotSettings Load(params (string Key, string Value)[] values) =>
        BotSettings.Load(new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build());

    public static TheoryData<string, string[]> BadSettings => new()
    {
        { "MicrosoftAppPassword", ["MicrosoftAppPassword=secret"] },
        { "MicrosoftAppType", ["MicrosoftAppType=UserAssignedMSI"] },
        { "MicrosoftAppType", [$"MicrosoftAppId={AppId}", "MicrosoftAppType=Federated", "MicrosoftAppPassword=x"] },
        { "MicrosoftAppId", ["MicrosoftAppId=journeybot", "MicrosoftAppPassword=x"] },
        { "MicrosoftAppPassword", [$"MicrosoftAppId={AppId}"] },
        { "MicrosoftAppPassword", [$"MicrosoftAppId={AppId}", "MicrosoftAppType=SingleTenant", $"MicrosoftAppTenantId={TenantId}"] },
        { "MicrosoftAppTenantId", [$"MicrosoftAppId={AppId}", "MicrosoftAppType=SingleTenant", "MicrosoftAppPassword=x"] },
        { "MicrosoftAppTenantId", [$"MicrosoftAppId={AppId}", "MicrosoftAppType=UserAssignedMSI"] },
        { "MicrosoftAppPassword", [$"MicrosoftAppId={AppId}", "MicrosoftAppType=UserAssignedMSI", $"MicrosoftAppTenantId={TenantId}", "MicrosoftAppPassword=x"] },
        { "MicrosoftAppTenantId", [$"MicrosoftAppId={AppId}", "MicrosoftAppType=SingleTenant", "MicrosoftAppPassword=x", "MicrosoftAppTenantId=contoso"] },
        { "MicrosoftAppManagedIdentityClientId", [$"MicrosoftAppManagedIdentityClientId={AppId}"] },
        { "MicrosoftAppManagedIdentityClientId", [$"MicrosoftAppId={AppId}", "MicrosoftAppType=SingleTenant",
            $"MicrosoftAppTenantId={TenantId}", "MicrosoftAppManagedIdentityClientId=the-identity"] },
        { "MicrosoftAppManagedIdentityClientId", [$"MicrosoftAppId={AppId}", "MicrosoftAppType=SingleTenant",
            $"MicrosoftAppTenantId={TenantId}", $"MicrosoftAppManagedIdentityClientId={TenantId}", "MicrosoftAppPassword=x"] },
        { "MicrosoftAppManagedIdentityClientId", [$"MicrosoftAppId={AppId}", "MicrosoftAppType=UserAssignedMSI",
            $"MicrosoftAppTenantId={TenantId}", $"MicrosoftAppManagedIdentityClientId={TenantId}"] },
        { "MicrosoftAppTenantId", [$"MicrosoftAppId={AppId}", "MicrosoftAppType=SingleTenant",
            $"MicrosoftAppManagedIdentityClientId={TenantId}"] },
        { "Bot:OpenIdMetadataUrl", ["Bot:OpenIdMetadataUrl=http://login.example.com/keys"] },
        { "Bot:OpenIdMetadataUrl", ["Bot:OpenIdMetadataUrl=not a url"] },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public void MissingOrContradictorySettingsAreRefusedNamingTheKey(string key, string[] pairs)
    {
        var error = Assert.Throws<ConfigurationException>(() => Load(pairs.Select(p => (p.Split('=')[0], p.Split('=', 2)[1])).ToArray()));

        Assert.Contains(key, error.Message);
    }

    [Fact]
    public void ManagedIdentityProductionSettingsLoad()
    {
        var settings = Load(("MicrosoftAppId", AppId), ("MicrosoftAppType", "UserAssignedMSI"), ("MicrosoftAppTenantId", TenantId));

        Assert.Equal(BotAppType.UserAssignedMSI, settings.AppType);
        Assert.False(settings.IsAnonymous);
        Assert.Equal(BotSettings.PublicCloudOpenIdMetadataUrl, settings.OpenIdMetadataUrl.AbsoluteUri);
        Assert.Equal("https://api.botframework.com", settings.TokenIssuer);
    }

    [Fact]
    public void NoAppIdMeansLocalAnonymousMode()
    {
        var settings = Load(("Bot:OpenIdMetadataUrl", "http://127.0.0.1:5001/v1/.well-known/openidconfiguration"));

        Assert.True(settings.IsAnonymous);
        Assert.Equal(5001, settings.OpenIdMetadataUrl.Port);
    }
}
