using System.Diagnostics;
using Activity = JourneyBot.Protocol.Activity;
using System.Net;
using JourneyBot.Protocol;
using JourneyBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyBot.Tests.Protocol;

// The connector misbehaves the way Teams' does under load; the reply must still arrive exactly once.
// A collection of its own: the scripted failures apply to whichever call comes next.
[Collection(nameof(ConnectorRetryTests))]
public sealed class ConnectorRetryTests(BotFixture fixture) : IClassFixture<BotFixture>
{
    [Fact]
    public async Task ThrottledReplyWaitsForRetryAfterThenArrivesOnce()
    {
        var chat = fixture.NewConversation();
        fixture.Channel.FailNext(429, retryAfter: "1");

        var clock = Stopwatch.StartNew();
        var response = await fixture.SendAsync(chat.Message("help"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var calls = fixture.Channel.CallsFor(chat.ConversationId);
        Assert.Equal(2, calls.Count);
        Assert.True(calls[1].At - calls[0].At >= TimeSpan.FromMilliseconds(950), $"retried after {(calls[1].At - calls[0].At).TotalMilliseconds} ms");
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task ServerErrorsAreRetriedWithBackoff()
    {
        var chat = fixture.NewConversation();
        fixture.Channel.FailNext(500);
        fixture.Channel.FailNext(503);

        var response = await fixture.SendAsync(chat.Message("help"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var calls = fixture.Channel.CallsFor(chat.ConversationId);
        Assert.Equal(3, calls.Count);
        Assert.All(calls, c => Assert.Equal(calls[0].Path, c.Path));
    }

    [Fact]
    public async Task WhenTheReplyCannotBeDeliveredTheUserGetsAnApology()
    {
        var chat = fixture.NewConversation();
        for (var i = 0; i < 5; i++) fixture.Channel.FailNext(502);

        var response = await fixture.SendAsync(chat.Message("help"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var calls = fixture.Channel.CallsFor(chat.ConversationId);
        Assert.Equal(6, calls.Count);
        Assert.Contains("something went wrong", calls[^1].Body!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task AConnectorThatNeverRecoversFailsAfterBoundedAttempts()
    {
        var chat = fixture.NewConversation();
        for (var i = 0; i < 10; i++) fixture.Channel.FailNext(503);

        var response = await fixture.SendAsync(chat.Message("help"));

        // Neither the reply nor the apology got through: the channel is told to try again later, so it may redeliver.
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Equal(10, fixture.Channel.CallsFor(chat.ConversationId).Count);
    }

    [Fact]
    public async Task CallsToAServiceUrlNeverSeenInAuthenticatedTrafficAreRefused()
    {
        var connector = fixture.Bot.Services.GetRequiredService<ConnectorClient>();
        var before = fixture.Channel.Calls.Count;

        // Same host as the fake connector, different path: still never learnt from an authenticated activity.
        var error = await Assert.ThrowsAsync<ConnectorException>(() => connector.SendToConversationAsync(
            fixture.Channel.BaseUrl + "/elsewhere/", "a:someone", new Activity { Type = "message", Text = "hi" }, CancellationToken.None));

        Assert.Contains("never learnt", error.Message);
        Assert.Equal(before, fixture.Channel.Calls.Count);
    }

    [Fact]
    public async Task AnotherOrRestartedInstanceTrustsServiceUrlsLearntByAnyInstance()
    {
        // The fixture's bot has learnt the channel's serviceUrl from authenticated traffic.
        var chat = fixture.NewConversation();
        await fixture.SendAsync(chat.Message("help"));
        using var second = BotApp.Authenticated(fixture.Azurite.ConnectionString, fixture.Channel, fixture.AppId).Start();
        var connector = second.Services.GetRequiredService<ConnectorClient>();

        await connector.SendToConversationAsync(fixture.Channel.ServiceUrl, chat.ConversationId, new Activity { Type = "message", Text = "proactive" }, CancellationToken.None);

        Assert.Equal("proactive", fixture.Channel.CallsFor(chat.ConversationId)[^1].Body!["text"]!.GetValue<string>());
    }
}
