using Azure.Core;

namespace JourneyBot.Protocol;

// Bearer tokens for calls to the Bot Connector, cached until shortly before they expire.
public sealed class ConnectorTokenProvider(TokenCredential? credential, TimeProvider clock)
{
    private static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(5);
    private readonly SemaphoreSlim _lock = new(1, 1);
    private AccessToken? _cached;

    public async Task<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (credential is null) return null;
        if (_cached is { } fresh && fresh.ExpiresOn - RenewBefore > clock.GetUtcNow()) return fresh.Token;
        await _lock.WaitAsync(cancellationToken);
        try
        {
            if (_cached is { } again && again.ExpiresOn - RenewBefore > clock.GetUtcNow()) return again.Token;
            var token = await credential.GetTokenAsync(new TokenRequestContext([BotSettings.ConnectorScope]), cancellationToken);
            _cached = token;
            return token.Token;
        }
        finally
        {
            _lock.Release();
        }
    }
}
