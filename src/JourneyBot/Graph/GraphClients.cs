using System.Collections.Concurrent;
using Azure.Core;
using JourneyBot.Protocol;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;

namespace JourneyBot.Graph;

// One Graph client per customer tenant, with an app-only token for that tenant. Like the connector, a
// loopback Graph (the local fake) never receives a token.
public sealed class GraphClients(GraphSettings settings, BotSettings bot, IHttpClientFactory http)
{
    private static readonly string[] Scopes = ["https://graph.microsoft.com/.default"];
    // Graph calls answer people waiting on a card: a token that cannot be had soon is not worth retrying for long.
    private static readonly TimeSpan TokenTimeout = TimeSpan.FromSeconds(3);
    private readonly ConcurrentDictionary<string, GraphServiceClient> _clients = new(StringComparer.Ordinal);

    // Without a bot identity there is no token for a real Graph: only the local fake answers.
    public bool IsConnected => !bot.IsAnonymous || settings.BaseUrl.IsLoopback;

    public GraphServiceClient For(string tenantId) => _clients.GetOrAdd(tenantId, tenant =>
        new GraphServiceClient(http.CreateClient(nameof(GraphClients)), new AppOnlyAuthentication(Credential(tenant), settings.BaseUrl.IsLoopback), settings.BaseUrl.ToString().TrimEnd('/')));

    private TokenCredential? Credential(string tenantId) => BotCredential.For(bot, tenantId, TokenTimeout);

    private sealed class AppOnlyAuthentication(TokenCredential? credential, bool loopback) : IAuthenticationProvider
    {
        public async Task AuthenticateRequestAsync(RequestInformation request, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
        {
            if (loopback || credential is null) return;
            var token = await credential.GetTokenAsync(new TokenRequestContext(Scopes), cancellationToken);
            request.Headers.Add("Authorization", $"Bearer {token.Token}");
        }
    }
}
