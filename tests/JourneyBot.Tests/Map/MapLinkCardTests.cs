using System.Text.Json.Nodes;
using JourneyBot.Domain;
using JourneyBot.FollowUps;
using JourneyBot.Map;
using JourneyBot.Programs;
using JourneyBot.Tests.Infrastructure;
using JourneyBot.Cards;
using JourneyBot.Health;

namespace JourneyBot.Tests.Map;

public sealed class MapLinkCardTests
{
    private const string AppId = "00000000-0000-0000-0000-000000000001";

    [Fact]
    public void TheDeepLinkOpensTheMapTabOfTheAppOnThatProgram()
    {
        var link = new MapLinks(new Uri("https://journeybot.example.com"), AppId).For("prog-1")!;
        Assert.Equal("teams.microsoft.com", link.Host);
        Assert.Equal($"/l/entity/{AppId}/map", link.AbsolutePath);
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(link.Query);
        Assert.Equal("https://journeybot.example.com/map/prog-1", query["webUrl"].ToString());
        Assert.Equal("prog-1", JsonNode.Parse(query["context"].ToString())!["subEntityId"]!.GetValue<string>());
        // Local development: the page itself; without a public address, no link at all.
        Assert.Equal("http://127.0.0.1:3978/map/prog-1", new MapLinks(new Uri("http://127.0.0.1:3978"), null).For("prog-1")!.ToString());
        Assert.Null(new MapLinks(null, AppId).For("prog-1"));
    }

    [Fact]
    public void TheProgressCardKeepsItsAcknowledgeButtonAndLinksToTheMap()
    {
        var program = MapSamples.Program();
        var link = new MapLinks(new Uri("https://journeybot.example.com"), AppId).For(program.Id);
        var card = ProgressCards.Build(program, MapHealth.TakeSnapshot(program, MapSamples.Today), null, MapSamples.Today, null, mapLink: link).ToJson();
        var actions = card["actions"]!.AsArray();
        Assert.Contains(actions, a => a!["type"]!.GetValue<string>() == "Action.Execute" && a["title"]!.GetValue<string>() == "Acknowledge");
        Assert.Contains(actions, a => a!["type"]!.GetValue<string>() == "Action.OpenUrl" && a["url"]!.GetValue<string>() == link!.AbsoluteUri);
        Assert.DoesNotContain(actions, a => a!["verb"]?.GetValue<string>() == CardVerbs.MapPage);
    }

    [Fact]
    public void MapHealthAndReviewCardsLinkToTheMap()
    {
        var program = MapSamples.Program();
        var link = new MapLinks(new Uri("https://journeybot.example.com"), AppId).For(program.Id)!;
        foreach (var card in new[]
        {
            MapCards.Build(program, mapLink: link), HealthCards.Build(program, MapSamples.Today, link),
            JourneyBot.Reviews.ReviewCards.Completed(program, new Review("r1", MapSamples.Today, MapSamples.Owner, MapHealth.TakeSnapshot(program, MapSamples.Today)), MapSamples.Today.AddDays(30), null, link),
        })
        {
            Assert.Contains(card.ToJson()["actions"]!.AsArray(), a => a!["type"]!.GetValue<string>() == "Action.OpenUrl" && a["url"]!.GetValue<string>() == link.AbsoluteUri);
        }
    }

    [Fact]
    public async Task TheManifestHasThePersonalMapTabTheChannelTabAndSsoForTheBotRegistration()
    {
        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "manifest", "manifest.json")))!;
        var tab = manifest["staticTabs"]!.AsArray().Single()!;
        Assert.Equal(MapLinks.TabEntityId, tab["entityId"]!.GetValue<string>());
        Assert.Equal("Map", tab["name"]!.GetValue<string>());
        Assert.Equal("https://{{HOST_NAME}}/map/?inTeams=1", tab["contentUrl"]!.GetValue<string>());
        Assert.Equal(["personal"], tab["scopes"]!.AsArray().Select(s => s!.GetValue<string>()));
        var configurable = manifest["configurableTabs"]!.AsArray().Single()!;
        Assert.Equal("https://{{HOST_NAME}}/map/configure?inTeams=1", configurable["configurationUrl"]!.GetValue<string>());
        Assert.Equal(["team", "groupChat"], configurable["scopes"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal("api://{{HOST_NAME}}/{{APP_ID}}", manifest["webApplicationInfo"]!["resource"]!.GetValue<string>());
        Assert.Contains("{{HOST_NAME}}", manifest["validDomains"]!.AsArray().Select(d => d!.GetValue<string>()));
    }
}
