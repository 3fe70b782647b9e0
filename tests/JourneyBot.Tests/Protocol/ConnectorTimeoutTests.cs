using System.Net;
using JourneyBot.Protocol;
using JourneyBot.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace JourneyBot.Tests.Protocol;

// What the connector client does when an answer never comes, a connection fails, or Teams asks for a long wait:
// a message that may have reached Teams is never sent twice; anything else safe to repeat is tried again.
public sealed class ConnectorTimeoutTests
{
    private sealed class TrustAll : IServiceUrlTrust
    {
        public Task RememberAsync(string serviceUrl, CancellationToken cancellationToken) => Task.CompletedTask;
        public Task<bool> IsTrustedAsync(string serviceUrl, CancellationToken cancellationToken) => Task.FromResult(true);
    }

    // The wire, scripted per request (the public connector cannot run here); requests are recorded.
    private sealed class ScriptedWire(params Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>[] answers) : HttpMessageHandler
    {
        public List<HttpRequestMessage> Requests { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add(request);
            return answers[Math.Min(Requests.Count, answers.Length) - 1](request, cancellationToken);
        }
    }

    private static readonly ConnectorRetryOptions Quick = new()
    {
        BaseDelay = TimeSpan.FromMilliseconds(10),
        MaxDelay = TimeSpan.FromMilliseconds(50),
        AttemptTimeout = TimeSpan.FromMilliseconds(300),
    };

    // For tests on a real socket: a cold connect on a busy machine can outlast a quick attempt, and a timeout while
    // connecting rightly counts as "may have arrived".
    private static readonly ConnectorRetryOptions Patient = new()
    {
        BaseDelay = Quick.BaseDelay,
        MaxDelay = Quick.MaxDelay,
        AttemptTimeout = TimeSpan.FromSeconds(2),
    };

    private static ConnectorClient Client(HttpMessageHandler wire) => Client(new HttpClient(wire), Quick);

    private static ConnectorClient Client(HttpClient http, ConnectorRetryOptions options) =>
        new(http, new ConnectorTokenProvider(null, TimeProvider.System), new TrustAll(), options, TimeProvider.System,
            NullLogger<ConnectorClient>.Instance);

    private static Task<HttpResponseMessage> Hang(HttpRequestMessage _, CancellationToken ct) =>
        Task.Delay(Timeout.InfiniteTimeSpan, ct).ContinueWith(_ => new HttpResponseMessage(HttpStatusCode.OK), TaskScheduler.Default);

    private static Task<HttpResponseMessage> Created(HttpRequestMessage _, CancellationToken __) =>
        Task.FromResult(new HttpResponseMessage(HttpStatusCode.Created) { Content = new StringContent("{\"id\":\"1\"}") });

    private static readonly Activity Message = new() { Type = "message", Text = "hi" };

    [Fact]
    public async Task AMessageTheConnectorTookButDidNotAnswerInTimeIsNotSentAgain()
    {
        await using var channel = await TestChannel.StartAsync();
        channel.RoundTrip = TimeSpan.FromSeconds(8);
        using var http = new HttpClient();
        // A cold channel on a busy machine can take longer than an attempt to accept its first request, and then the
        // message never reached it at all: warm the connection first, and give this attempt room to be delivered.
        (await http.GetAsync(channel.MetadataUrl)).EnsureSuccessStatusCode();

        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            Client(http, Patient).SendToConversationAsync(channel.ServiceUrl, "a:1", Message, CancellationToken.None));

        Assert.True(error.MayHaveArrived, error.Message);
        // The channel may still be reading the request when the client gives up on the answer (a busy machine).
        for (var waited = 0; channel.Delivered.IsEmpty && waited < 50; waited++) await Task.Delay(100);
        Assert.Single(channel.Delivered);
        Assert.Single(channel.Calls);
    }

    [Fact]
    public async Task AReplyWithoutAnAnswerIsNotSentAgainEither()
    {
        var wire = new ScriptedWire(Hang, Created);

        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            Client(wire).ReplyToActivityAsync("https://smba.trafficmanager.net/amer/", "a:1", "act-1", Message, CancellationToken.None));

        Assert.True(error.MayHaveArrived);
        Assert.Single(wire.Requests);
    }

    [Fact]
    public async Task AMessageWhoseConnectionBrokeAfterItWentOutIsNotSentAgain()
    {
        var wire = new ScriptedWire(
            (_, _) => throw new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely."),
            Created);

        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            Client(wire).SendToConversationAsync("https://smba.trafficmanager.net/amer/", "a:1", Message, CancellationToken.None));

        Assert.True(error.MayHaveArrived);
        Assert.Single(wire.Requests);
    }

    [Fact]
    public async Task AMessageThatCouldNotConnectIsRetriedAndFailsAfterBoundedAttempts()
    {
        // Nothing listens on this loopback port: the connection is refused before anything is sent.
        var nobody = $"http://127.0.0.1:{FreePort.Next()}/";
        using var http = new HttpClient();

        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            Client(http, Patient).SendToConversationAsync(nobody, "a:1", Message, CancellationToken.None));

        Assert.False(error.MayHaveArrived);
        Assert.Contains("after 5 attempt(s)", error.Message);
    }

    [Fact]
    public async Task ARefusedConnectionIsRetriedAndTheMessageArrivesOnce()
    {
        var wire = new ScriptedWire(
            (_, _) => throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused"),
            Created);

        var response = await Client(wire).SendToConversationAsync("https://smba.trafficmanager.net/amer/", "a:1", Message, CancellationToken.None);

        Assert.Equal("1", response.Id);
        Assert.Equal(2, wire.Requests.Count);
    }

    [Fact]
    public async Task AReadThatTimedOutIsSafeToRepeatAndIsRetried()
    {
        var wire = new ScriptedWire(Hang, (_, _) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{\"id\":\"29:user\",\"name\":\"Ann\"}") }));

        var member = await Client(wire).GetConversationMemberAsync("https://smba.trafficmanager.net/amer/", "a:1", "29:user", CancellationToken.None);

        Assert.Equal("Ann", member.Name);
        Assert.Equal(2, wire.Requests.Count);
    }

    [Fact]
    public async Task AThrottleLongerThanACallWaitsFailsAtOnceAndPausesThePacer()
    {
        var wire = new ScriptedWire((_, _) =>
        {
            var throttled = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
            throttled.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromMinutes(5));
            return Task.FromResult(throttled);
        });
        var turns = 0;
        var answered = 0;
        TimeSpan? paused = null;
        var pacer = new SendPacer(() => { turns++; return Task.FromResult<Action>(() => answered++); }, wait => paused = wait);

        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            Client(wire).SendToConversationAsync("https://smba.trafficmanager.net/amer/", "a:1", Message, pacer, CancellationToken.None));

        Assert.Equal(HttpStatusCode.TooManyRequests, error.Status);
        Assert.Contains("longer than we wait", error.Message);
        Assert.Single(wire.Requests);
        Assert.Equal(TimeSpan.FromMinutes(5), paused);
        Assert.Equal((1, 1), (turns, answered));
    }

    [Fact]
    public async Task EveryAttemptWaitsForItsTurnAndAFailedClaimCheckEndsTheSend()
    {
        var wire = new ScriptedWire((_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable)));
        var turns = 0;
        var answered = 0;
        var pacer = new SendPacer(() =>
        {
            // The scheduler's claim check runs with the turn: here the claim is lost before the third attempt.
            if (++turns == 3) throw new InvalidOperationException("claim lost");
            return Task.FromResult<Action>(() => answered++);
        }, _ => { });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            Client(wire).SendToConversationAsync("https://smba.trafficmanager.net/amer/", "a:1", Message, pacer, CancellationToken.None));

        Assert.Equal("claim lost", error.Message);
        Assert.Equal(2, wire.Requests.Count);
        Assert.Equal((3, 2), (turns, answered));
    }
}
