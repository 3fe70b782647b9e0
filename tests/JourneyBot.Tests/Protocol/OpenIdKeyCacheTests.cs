using System.Net;
using System.Security.Cryptography;
using JourneyBot.Protocol;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.IdentityModel.Tokens;

namespace JourneyBot.Tests.Protocol;

public sealed class OpenIdKeyCacheTests
{
    private sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
        public override DateTimeOffset GetUtcNow() => Now;
    }

    // Serves metadata and a key set whose key ids the test can change (a key rotation).
    private sealed class KeyServer : HttpMessageHandler
    {
        public List<string> KeyIds { get; } = ["k1"];
        public int KeySetFetches { get; private set; }
        private readonly string _modulus = Base64UrlEncoder.Encode(RSA.Create(2048).ExportParameters(false).Modulus);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            string body;
            if (request.RequestUri!.AbsolutePath.EndsWith("openidconfiguration")) body = "{\"jwks_uri\":\"https://login.example.com/keys\"}";
            else
            {
                KeySetFetches++;
                body = "{\"keys\":[" + string.Join(",", KeyIds.Select(k => $"{{\"kty\":\"RSA\",\"kid\":\"{k}\",\"n\":\"{_modulus}\",\"e\":\"AQAB\",\"endorsements\":[\"msteams\"]}}")) + "]}";
            }
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body) });
        }
    }

    private static (OpenIdKeyCache Cache, KeyServer Server, ManualClock Clock) Create()
    {
        var server = new KeyServer();
        var clock = new ManualClock();
        var settings = new BotSettings { AppId = Guid.NewGuid().ToString(), OpenIdMetadataUrl = new Uri("https://login.example.com/v1/.well-known/openidconfiguration") };
        return (new OpenIdKeyCache(new HttpClient(server), settings, clock, NullLogger<OpenIdKeyCache>.Instance), server, clock);
    }

    [Fact]
    public async Task KnownKeysAreServedFromTheCache()
    {
        var (cache, server, _) = Create();

        for (var i = 0; i < 10; i++) Assert.NotNull(await cache.GetKeyAsync("k1", CancellationToken.None));

        Assert.Equal(1, server.KeySetFetches);
        Assert.Equal(["msteams"], (await cache.GetKeyAsync("k1", CancellationToken.None))!.Endorsements);
    }

    [Fact]
    public async Task KeysAreRefetchedAfter24Hours()
    {
        var (cache, server, clock) = Create();
        await cache.GetKeyAsync("k1", CancellationToken.None);

        clock.Now += TimeSpan.FromHours(23);
        await cache.GetKeyAsync("k1", CancellationToken.None);
        Assert.Equal(1, server.KeySetFetches);

        clock.Now += TimeSpan.FromHours(1);
        await cache.GetKeyAsync("k1", CancellationToken.None);
        Assert.Equal(2, server.KeySetFetches);
    }

    [Fact]
    public async Task AnUnknownKeyIdRefetchesOncePerCooldownSoRotatedKeysAreFound()
    {
        var (cache, server, clock) = Create();
        await cache.GetKeyAsync("k1", CancellationToken.None);
        server.KeyIds.Add("k2");

        // Within the cooldown: no refetch, however many unknown ids arrive.
        Assert.Null(await cache.GetKeyAsync("k2", CancellationToken.None));
        Assert.Null(await cache.GetKeyAsync("k3", CancellationToken.None));
        Assert.Equal(1, server.KeySetFetches);

        clock.Now += TimeSpan.FromMinutes(5);
        Assert.NotNull(await cache.GetKeyAsync("k2", CancellationToken.None));
        Assert.Equal(2, server.KeySetFetches);
    }
}
