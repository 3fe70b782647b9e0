using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace JourneyBot.Protocol;

public sealed record ChannelSigningKey(JsonWebKey Key, IReadOnlyList<string> Endorsements);

// Signing keys from the channel's OpenID metadata, shared by all requests. Fetched on first use, again after
// the refresh interval, and when a token names an unknown key id (at most once per cooldown).
public sealed class OpenIdKeyCache(HttpClient http, BotSettings settings, TimeProvider clock, ILogger<OpenIdKeyCache> logger)
{
    private readonly SemaphoreSlim _refreshLock = new(1, 1);
    private volatile Snapshot? _snapshot;

    private sealed record Snapshot(IReadOnlyDictionary<string, ChannelSigningKey> Keys, DateTimeOffset FetchedAt);

    public async Task<ChannelSigningKey?> GetKeyAsync(string keyId, CancellationToken cancellationToken)
    {
        var snapshot = _snapshot;
        var now = clock.GetUtcNow();
        if (snapshot is not null && now - snapshot.FetchedAt < settings.KeyRefreshInterval
            && snapshot.Keys.TryGetValue(keyId, out var known))
        {
            return known;
        }

        await _refreshLock.WaitAsync(cancellationToken);
        try
        {
            // Another request may have refreshed while this one waited.
            snapshot = _snapshot;
            now = clock.GetUtcNow();
            var stale = snapshot is null || now - snapshot.FetchedAt >= settings.KeyRefreshInterval;
            var mayRefetchForUnknownKey = snapshot is not null && now - snapshot.FetchedAt >= settings.UnknownKeyRefetchCooldown
                && !snapshot.Keys.ContainsKey(keyId);
            if (stale || mayRefetchForUnknownKey)
            {
                try
                {
                    snapshot = _snapshot = await FetchAsync(cancellationToken);
                }
                catch (Exception e) when (e is HttpRequestException or JsonException or TaskCanceledException or InvalidOperationException)
                {
                    // Keep serving the keys we have: a metadata outage must not lock the bot out.
                    logger.LogError(e, "Could not fetch the channel signing keys from {MetadataUrl}", settings.OpenIdMetadataUrl);
                    if (snapshot is null) throw;
                }
            }
            return snapshot!.Keys.GetValueOrDefault(keyId);
        }
        finally
        {
            _refreshLock.Release();
        }
    }

    private async Task<Snapshot> FetchAsync(CancellationToken cancellationToken)
    {
        using var metadata = JsonDocument.Parse(await http.GetStringAsync(settings.OpenIdMetadataUrl, cancellationToken));
        var jwksUri = metadata.RootElement.TryGetProperty("jwks_uri", out var uriElement) ? uriElement.GetString() : null;
        if (!Uri.TryCreate(jwksUri, UriKind.Absolute, out var jwksUrl))
        {
            throw new InvalidOperationException("The OpenID metadata has no absolute jwks_uri.");
        }

        using var jwks = JsonDocument.Parse(await http.GetStringAsync(jwksUrl, cancellationToken));
        var keys = new Dictionary<string, ChannelSigningKey>(StringComparer.Ordinal);
        foreach (var element in jwks.RootElement.GetProperty("keys").EnumerateArray())
        {
            var key = new JsonWebKey(element.GetRawText());
            if (string.IsNullOrEmpty(key.Kid)) continue;
            var endorsements = element.TryGetProperty("endorsements", out var list) && list.ValueKind == JsonValueKind.Array
                ? list.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToArray()
                : [];
            keys[key.Kid] = new ChannelSigningKey(key, endorsements);
        }
        logger.LogInformation("Loaded {KeyCount} channel signing keys", keys.Count);
        return new Snapshot(keys, clock.GetUtcNow());
    }
}
