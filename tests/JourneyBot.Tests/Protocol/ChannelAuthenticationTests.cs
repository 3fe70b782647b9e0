using System.Net;
using JourneyBot.Tests.Infrastructure;

namespace JourneyBot.Tests.Protocol;

// Every way a channel token can be wrong, through the real endpoint: 401, and the handler never runs
// (it would have replied to `help` through the connector).
public sealed class ChannelAuthenticationTests(BotFixture fixture) : IClassFixture<BotFixture>
{
    public static TheoryData<string> BadTokens => new()
    {
        "no header", "not bearer", "malformed", "expired", "not yet valid", "wrong audience", "wrong issuer",
        "unknown key", "bad signature", "serviceUrl mismatch", "key not endorsed",
    };

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task RefusesTokenAndNeverRunsTheHandler(string problem)
    {
        var conversation = fixture.NewConversation();
        var channel = fixture.Channel;
        var appId = fixture.AppId;
        var now = DateTime.UtcNow;
        string? authorization = problem switch
        {
            "no header" => null,
            "not bearer" => "Basic dXNlcjpwYXNz",
            "malformed" => "Bearer not.a.jwt",
            "expired" => "Bearer " + channel.MintToken(appId, notBefore: now.AddHours(-2), expires: now.AddMinutes(-6)),
            "not yet valid" => "Bearer " + channel.MintToken(appId, notBefore: now.AddMinutes(6), expires: now.AddHours(1)),
            "wrong audience" => "Bearer " + channel.MintToken(Guid.NewGuid().ToString()),
            "wrong issuer" => "Bearer " + channel.MintToken(appId, issuer: "https://issuer.example.com"),
            "unknown key" => "Bearer " + channel.MintToken(appId, keyId: "never-published"),
            "bad signature" => "Bearer " + channel.MintToken(appId, signWith: TestChannel.ForgedKey()),
            "serviceUrl mismatch" => "Bearer " + channel.MintToken(appId, serviceUrl: "https://smba.example.com/amer/"),
            "key not endorsed" => "Bearer " + channel.MintToken(appId, keyId: TestChannel.UnendorsedKeyId),
            _ => throw new ArgumentOutOfRangeException(nameof(problem)),
        };

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(conversation.Message("help").ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        if (authorization is not null) request.Headers.TryAddWithoutValidation("Authorization", authorization);
        var response = await fixture.Bot.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await Task.Delay(200);
        Assert.Empty(channel.CallsFor(conversation.ConversationId));
    }

    [Fact]
    public async Task ValidTokenRunsTheTurn()
    {
        var conversation = fixture.NewConversation();

        var response = await fixture.SendAsync(conversation.Message("help"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var calls = fixture.Channel.CallsFor(conversation.ConversationId);
        Assert.Single(calls);
        // The fake connector is on loopback: the bot must not hand it a real token.
        Assert.Null(calls[0].Authorization);
    }

    [Fact]
    public async Task SigningKeysAreFetchedOnceNotPerRequest()
    {
        for (var i = 0; i < 5; i++)
        {
            var response = await fixture.SendAsync(fixture.NewConversation().Message("help"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        // Forged key ids do not make the bot refetch either: the cooldown holds.
        for (var i = 0; i < 3; i++)
        {
            var forged = fixture.Channel.MintToken(fixture.AppId, keyId: $"unknown-{i}");
            Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Bot.PostActivityAsync(fixture.NewConversation().Message("help"), forged)).StatusCode);
        }

        Assert.Equal(1, fixture.Channel.MetadataHits);
    }
}
