using System.Net;
using Azure.Core;
using JourneyBot.Protocol;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using Moq.Protected;

namespace JourneyBot.Tests.Protocol;

// Azure AD and the public connector cannot run here, so the token source and the wire are mocked.
public sealed class ConnectorClientTests
{
    private sealed class TrustAll : IServiceUrlTrust
    {
        public Task RememberAsync(string serviceUrl, CancellationToken cancellationToken) => Task.CompletedTask;
        public Task<bool> IsTrustedAsync(string serviceUrl, CancellationToken cancellationToken) => Task.FromResult(true);
    }

    private static (ConnectorClient Client, List<HttpRequestMessage> Requests, Mock<TokenCredential> Credential) Create() => Create([]);

    private static (ConnectorClient Client, List<HttpRequestMessage> Requests, Mock<TokenCredential> Credential) Create(List<string> bodies)
    {
        var requests = new List<HttpRequestMessage>();
        var handler = new Mock<HttpMessageHandler>();
        handler.Protected().Setup<Task<HttpResponseMessage>>("SendAsync", ItExpr.IsAny<HttpRequestMessage>(), ItExpr.IsAny<CancellationToken>())
            .ReturnsAsync((HttpRequestMessage request, CancellationToken _) =>
            {
                requests.Add(request);
                if (request.Content is not null) bodies.Add(request.Content.ReadAsStringAsync().GetAwaiter().GetResult());
                return new HttpResponseMessage(HttpStatusCode.Created) { Content = new StringContent("{\"id\":\"1\"}") };
            });
        var credential = new Mock<TokenCredential>();
        credential.Setup(c => c.GetTokenAsync(It.IsAny<TokenRequestContext>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new AccessToken("connector-token", DateTimeOffset.UtcNow.AddHours(1)));
        var client = new ConnectorClient(new HttpClient(handler.Object), new ConnectorTokenProvider(credential.Object, TimeProvider.System),
            new TrustAll(), new ConnectorRetryOptions(), TimeProvider.System, NullLogger<ConnectorClient>.Instance);
        return (client, requests, credential);
    }

    [Fact]
    public async Task PublicServiceUrlsGetABearerTokenForTheBotFrameworkScopeCachedAcrossCalls()
    {
        var (client, requests, credential) = Create();

        await client.SendToConversationAsync("https://smba.trafficmanager.net/amer/", "a:1", new Activity { Type = "message" }, CancellationToken.None);
        await client.ReplyToActivityAsync("https://smba.trafficmanager.net/amer/", "a:1", "act-1", new Activity { Type = "message" }, CancellationToken.None);

        Assert.All(requests, r => Assert.Equal("Bearer connector-token", r.Headers.Authorization?.ToString()));
        Assert.Equal("https://smba.trafficmanager.net/amer/v3/conversations/a%3A1/activities/act-1", requests[1].RequestUri!.AbsoluteUri);
        credential.Verify(c => c.GetTokenAsync(It.Is<TokenRequestContext>(t => t.Scopes.Single() == "https://api.botframework.com/.default"), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Theory]
    [InlineData("http://localhost:56150/_connector")]
    [InlineData("http://127.0.0.1:5000/")]
    public async Task LoopbackServiceUrlsNeverReceiveAToken(string serviceUrl)
    {
        var (client, requests, credential) = Create();

        await client.SendToConversationAsync(serviceUrl, "a:1", new Activity { Type = "message" }, CancellationToken.None);

        Assert.Null(Assert.Single(requests).Headers.Authorization);
        credential.Verify(c => c.GetTokenAsync(It.IsAny<TokenRequestContext>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task CreatesAPersonalConversationForATenantMember()
    {
        var bodies = new List<string>();
        var (client, requests, _) = Create(bodies);

        await client.CreatePersonalConversationAsync("https://smba.trafficmanager.net/amer/", "tenant-1", "28:bot", "29:user", CancellationToken.None);

        var request = Assert.Single(requests);
        Assert.Equal("https://smba.trafficmanager.net/amer/v3/conversations", request.RequestUri!.AbsoluteUri);
        var body = System.Text.Json.Nodes.JsonNode.Parse(Assert.Single(bodies))!;
        Assert.Equal("29:user", body["members"]![0]!["id"]!.GetValue<string>());
        Assert.Equal("tenant-1", body["channelData"]!["tenant"]!["id"]!.GetValue<string>());
        Assert.False(body["isGroup"]!.GetValue<bool>());
    }

    [Fact]
    public async Task UpdatesAnActivityInPlaceAndReadsAMember()
    {
        var (client, requests, _) = Create();

        await client.UpdateActivityAsync("https://smba.trafficmanager.net/amer/", "19:chan@thread.tacv2;messageid=1", "act 7", new Activity { Type = "message" }, CancellationToken.None);
        await client.GetConversationMemberAsync("https://smba.trafficmanager.net/amer/", "a:1", "29:user", CancellationToken.None);

        Assert.Equal(HttpMethod.Put, requests[0].Method);
        Assert.Equal("/amer/v3/conversations/19%3Achan%40thread.tacv2%3Bmessageid%3D1/activities/act%207", requests[0].RequestUri!.AbsolutePath);
        Assert.Equal(HttpMethod.Get, requests[1].Method);
        Assert.EndsWith("/v3/conversations/a%3A1/members/29%3Auser", requests[1].RequestUri!.AbsolutePath);
    }
}
