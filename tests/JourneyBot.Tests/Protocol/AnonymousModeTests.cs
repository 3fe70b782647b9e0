using System.Net;
using JourneyBot.Protocol;
using JourneyBot.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace JourneyBot.Tests.Protocol;

// With no MicrosoftAppId (local development) the bot trusts this machine and nothing else.
public sealed class AnonymousModeTests : IAsyncLifetime
{
    private AzuriteServer _azurite = null!;
    private TestChannel _channel = null!;
    private BotApp _bot = null!;

    public async Task InitializeAsync()
    {
        _azurite = await AzuriteServer.StartAsync();
        _channel = await TestChannel.StartAsync();
        _bot = BotApp.Anonymous(_azurite.ConnectionString).Start();
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _channel.DisposeAsync();
        await _azurite.DisposeAsync();
    }

    [Fact]
    public async Task LoopbackCallerWithLoopbackServiceUrlNeedsNoToken()
    {
        var chat = new Activities(_channel.ServiceUrl, Guid.NewGuid().ToString());

        var response = await _bot.PostActivityAsync(chat.Message("help"), token: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(_channel.CallsFor(chat.ConversationId));
    }

    [Fact]
    public async Task AnonymousActivitiesCannotPointTheBotAtARemoteServiceUrl()
    {
        var chat = new Activities("https://smba.trafficmanager.net/amer/", Guid.NewGuid().ToString());

        var response = await _bot.PostActivityAsync(chat.Message("help"), token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("10.0.0.7")]
    [InlineData("203.0.113.9")]
    [InlineData(null)]
    public async Task CallersOtherThanLoopbackAreRefused(string? address)
    {
        var settings = new BotSettings();
        var authenticator = new ChannelAuthenticator(settings,
            new OpenIdKeyCache(new HttpClient(), settings, TimeProvider.System, NullLogger<OpenIdKeyCache>.Instance),
            NullLogger<ChannelAuthenticator>.Instance);

        var outcome = await authenticator.AuthenticateRequestAsync(null, address is null ? null : IPAddress.Parse(address), CancellationToken.None);

        Assert.Null(outcome.Identity);
        Assert.Contains("loopback", outcome.FailureReason);
    }
}
