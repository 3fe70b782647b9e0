using Azure.Core;
using Azure.Identity;
using JourneyBot.Protocol;
using Microsoft.Extensions.Configuration;
using Moq;

namespace JourneyBot.Tests.Protocol;

// The documented identity: one single-tenant app registration, no secret, a federated credential trusting the
// web app's managed identity. Entra itself cannot run here, so the managed identity is the seam.
public sealed class BotCredentialTests
{
    private const string AppId = "0d3a5b7c-1e2f-4a6b-8c9d-0e1f2a3b4c5d";
    private const string TenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    private const string IdentityId = "5b0c8f0e-3f7a-4d9e-9a51-2f1a6c7d8e90";

    private static BotSettings Federated() => BotSettings.Load(new ConfigurationBuilder().AddInMemoryCollection(
        new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppType"] = "SingleTenant",
            ["MicrosoftAppTenantId"] = TenantId,
            ["MicrosoftAppManagedIdentityClientId"] = IdentityId,
        }).Build());

    [Fact]
    public void TheFederatedSettingsLoadWithoutASecret()
    {
        var settings = Federated();

        Assert.Equal(BotAppType.SingleTenant, settings.AppType);
        Assert.Equal(IdentityId, settings.ManagedIdentityClientId);
        Assert.Null(settings.AppPassword);
    }

    [Fact]
    public void TheConnectorAndGraphBothUseTheAppRegistrationsAssertionCredential()
    {
        var settings = Federated();

        Assert.IsType<ClientAssertionCredential>(BotCredential.For(settings));
        Assert.IsType<ClientAssertionCredential>(BotCredential.For(settings, TenantId, TimeSpan.FromSeconds(3)));
    }

    [Fact]
    public void ASecretStillGivesASecretCredentialAndNoIdentityGivesNone()
    {
        var withSecret = BotSettings.Load(new ConfigurationBuilder().AddInMemoryCollection(
            new Dictionary<string, string?>
            {
                ["MicrosoftAppId"] = AppId,
                ["MicrosoftAppType"] = "SingleTenant",
                ["MicrosoftAppTenantId"] = TenantId,
                ["MicrosoftAppPassword"] = "secret",
            }).Build());

        Assert.IsType<ClientSecretCredential>(BotCredential.For(withSecret));
        Assert.Null(BotCredential.For(new BotSettings()));
    }

    [Fact]
    public async Task TheAssertionIsTheManagedIdentitysTokenForEntrasExchangeAudience()
    {
        var identity = new Mock<TokenCredential>();
        TokenRequestContext? asked = null;
        identity.Setup(c => c.GetTokenAsync(It.IsAny<TokenRequestContext>(), It.IsAny<CancellationToken>()))
            .Callback<TokenRequestContext, CancellationToken>((context, _) => asked = context)
            .ReturnsAsync(new AccessToken("managed-identity-token", DateTimeOffset.UtcNow.AddHours(1)));

        var assertion = await new ManagedIdentityAssertion(identity.Object).GetAsync(CancellationToken.None);

        Assert.Equal("managed-identity-token", assertion);
        Assert.Equal(["api://AzureADTokenExchange/.default"], asked!.Value.Scopes);
    }
}
