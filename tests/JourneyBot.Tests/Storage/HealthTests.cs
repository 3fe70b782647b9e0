using System.Net;
using JourneyBot.Tests.Infrastructure;

namespace JourneyBot.Tests.Storage;

public sealed class HealthTests
{
    [Fact]
    public async Task HealthzIs200WhileStorageAnswersAnd503WithAReasonOnceItStops()
    {
        // Its own Azurite: this test stops it.
        await using var azurite = await AzuriteServer.StartAsync();
        await using var channel = await TestChannel.StartAsync();
        using var bot = BotApp.Authenticated(azurite.ConnectionString, channel, Guid.NewGuid().ToString()).Start();

        var healthy = await bot.Http.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);

        azurite.Stop();
        var unhealthy = await bot.Http.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, unhealthy.StatusCode);
        var body = await BotApp.ReadJsonAsync(unhealthy);
        Assert.Equal("unavailable", body!["status"]!.GetValue<string>());
        Assert.Contains("table storage", body["reason"]!.GetValue<string>());
    }
}
