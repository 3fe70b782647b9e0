using System.Net;
using JourneyBot.Programs;
using JourneyBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyBot.Tests.Storage;

// A mistyped optional setting costs its feature, not the bot: the app starts, answers, and /healthz says which
// feature is off and which setting to fix, without echoing the value.
public sealed class OptionalSettingTests
{
    [Fact]
    public async Task ABadOptionalSettingTurnsOffOnlyItsFeatureAndHealthzShowsIt()
    {
        await using var azurite = await AzuriteServer.StartAsync();
        await using var channel = await TestChannel.StartAsync();
        var appId = Guid.NewGuid().ToString();
        using var bot = BotApp.Authenticated(
            azurite.ConnectionString, channel, appId, settings: new Dictionary<string, string?>
            {
                ["Graph:TeamsAppId"] = "catalog-id-typo",
                ["Map:ClientId"] = "tab-client-id-typo",
                ["Map:PublicUrl"] = "ftp://journeybot.example.com",
            }).Start();

        var health = await bot.Http.GetAsync("/healthz");
        var chat = new Activities(channel.ServiceUrl, appId);
        var help = await bot.PostActivityAsync(chat.Message("help"), channel.MintToken(appId));
        var map = await bot.Http.GetAsync("/map/");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        var body = (await BotApp.ReadJsonAsync(health))!;
        Assert.Equal("ok", body["status"]!.GetValue<string>());
        var features = body["features"]!.AsObject();
        Assert.StartsWith("off: Graph:TeamsAppId is not a GUID", features["selfInstall"]!.GetValue<string>());
        Assert.StartsWith("off: Map:ClientId is not a GUID", features["mapTab"]!.GetValue<string>());
        Assert.StartsWith("off: Map:PublicUrl is not", features["mapLinks"]!.GetValue<string>());
        Assert.StartsWith("off: Map:PublicUrl is not", features["progressImage"]!.GetValue<string>());

        Assert.DoesNotContain("typo", body.ToJsonString());
        Assert.DoesNotContain("ftp://", body.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, help.StatusCode);
        Assert.Contains("not set up", await map.Content.ReadAsStringAsync());
        Assert.Null(bot.Services.GetRequiredService<MapLinks>().For("p1"));
    }

    [Fact]
    public async Task WithGoodSettingsHealthzListsNoFeatureOff()
    {
        await using var azurite = await AzuriteServer.StartAsync();
        await using var channel = await TestChannel.StartAsync();
        using var bot = BotApp.Authenticated(azurite.ConnectionString, channel, Guid.NewGuid().ToString()).Start();

        var body = (await BotApp.ReadJsonAsync(await bot.Http.GetAsync("/healthz")))!;

        Assert.Equal("{\"status\":\"ok\"}", body.ToJsonString());
    }

    // Apps in the org catalog are opened by their catalog id: the map link uses it when it is known.
    [Fact]
    public void MapLinksNameTheCatalogAppWhenItIsKnown()
    {
        var url = new Uri("https://journeybot.example.com");
        const string bot = "11111111-1111-1111-1111-111111111111";
        const string catalog = "22222222-2222-2222-2222-222222222222";

        Assert.StartsWith($"https://teams.microsoft.com/l/entity/{catalog}/map?",
            new MapLinks(url, bot, catalog).For("p1")!.AbsoluteUri);
        Assert.StartsWith($"https://teams.microsoft.com/l/entity/{bot}/map?",
            new MapLinks(url, bot).For("p1")!.AbsoluteUri);
        Assert.Contains($"users=28:{bot}", new MapLinks(url, bot, catalog).ChatWithBot("health")!.AbsoluteUri);
    }
}
