using Azure.Core;
using Azure.Identity;

namespace JourneyBot.Protocol;

// The one place that turns the bot's identity settings into a token credential, for the connector and for Graph
// alike, so both always speak as the same app.
public static class BotCredential
{
    // Entra's audience for a managed identity's token presented as a federated client assertion (public cloud).
    public const string TokenExchangeScope = "api://AzureADTokenExchange/.default";

    // tenantId: the tenant to get tokens in (Graph calls one per customer tenant); null means the settings' own.
    public static TokenCredential? For(BotSettings settings, string? tenantId = null, TimeSpan? networkTimeout = null)
    {
        if (settings.IsAnonymous) return null;
        var tenant = tenantId ?? settings.AppTenantId;
        return settings.AppType switch
        {
            BotAppType.UserAssignedMSI => new ManagedIdentityCredential(
                Options(new ManagedIdentityCredentialOptions(
                    ManagedIdentityId.FromUserAssignedClientId(settings.AppId!)), networkTimeout)),
            // The app registration has no secret: it trusts the managed identity through a federated credential.
            BotAppType.SingleTenant when settings.ManagedIdentityClientId is { } identity =>
                new ClientAssertionCredential(
                    tenant, settings.AppId,
                    new ManagedIdentityAssertion(ManagedIdentity(identity, networkTimeout)).GetAsync,
                    Options(new ClientAssertionCredentialOptions(), networkTimeout)),
            BotAppType.SingleTenant => new ClientSecretCredential(tenant, settings.AppId, settings.AppPassword,
                Options(new ClientSecretCredentialOptions(), networkTimeout)),
            // Multi-tenant bots get their connector tokens from the botframework.com tenant.
            _ => new ClientSecretCredential(tenantId ?? "botframework.com", settings.AppId, settings.AppPassword,
                Options(new ClientSecretCredentialOptions(), networkTimeout)),
        };
    }

    private static ManagedIdentityCredential ManagedIdentity(string clientId, TimeSpan? networkTimeout) =>
        new(Options(new ManagedIdentityCredentialOptions(ManagedIdentityId.FromUserAssignedClientId(clientId)),
            networkTimeout));

    // Token calls that answer a person waiting on a card are worth one quick retry, not the SDK's long default.
    private static T Options<T>(T options, TimeSpan? networkTimeout) where T : TokenCredentialOptions
    {
        if (networkTimeout is { } timeout)
        {
            options.Retry.MaxRetries = 1;
            options.Retry.NetworkTimeout = timeout;
        }
        return options;
    }
}

// The client assertion a federated app registration presents: a token of the managed identity it trusts.
public sealed class ManagedIdentityAssertion(TokenCredential managedIdentity)
{
    public async Task<string> GetAsync(CancellationToken cancellationToken) =>
        (await managedIdentity.GetTokenAsync(
            new TokenRequestContext([BotCredential.TokenExchangeScope]), cancellationToken)).Token;
}
