using System.Net;
using JourneyBot.Tests.Infrastructure;

namespace JourneyBot.Tests.Protocol;

// While table storage is down, even a serviceUrl seen for the first time gets a deliberate answer: a message an
// apology in the chat, an event a retryable 503 (so the channel delivers it again), an invoke an error that keeps
// the card as the person filled it in.
public sealed class StorageDownAnswersTests
{
    [Fact]
    public async Task EachKindOfActivityGetsItsDeliberateAnswer()
    {
        // Its own Azurite: this test stops it.
        await using var azurite = await AzuriteServer.StartAsync();
        await using var channel = await TestChannel.StartAsync();
        var appId = Guid.NewGuid().ToString();
        using var bot = BotApp.Authenticated(azurite.ConnectionString, channel, appId).Start();
        azurite.Stop();
        var chat = new Activities(channel.ServiceUrl, appId);
        var token = channel.MintToken(appId);

        var message = await bot.PostActivityAsync(chat.Message("programs"), token);
        var install = await bot.PostActivityAsync(chat.Installation("add"), token);
        var invoke = await bot.PostActivityAsync(chat.CardAction("map.page"), token);

        Assert.Equal(HttpStatusCode.OK, message.StatusCode);
        var apology = Assert.Single(channel.CallsFor(chat.ConversationId));
        Assert.Contains("something went wrong on our side", apology.Body!["text"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, install.StatusCode);
        Assert.NotNull(install.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, invoke.StatusCode);
        var error = await BotApp.ReadJsonAsync(invoke);
        Assert.Equal(503, error!["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.error", error["type"]!.GetValue<string>());
    }
}
