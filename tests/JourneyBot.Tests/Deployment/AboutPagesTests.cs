using System.Net;
using System.Text.Json.Nodes;
using JourneyBot.Tests.Infrastructure;

namespace JourneyBot.Tests.Deployment;

// Every page the Teams manifest links to must exist on the app, or the Teams app store listing breaks.
public sealed class AboutPagesTests(BotFixture fixture) : IClassFixture<BotFixture>
{
    [Fact]
    public async Task EveryHostUrlInTheManifestIsServed()
    {
        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "manifest", "manifest.json")))!;
        var urls = manifest["developer"]!.AsObject().Select(p => p.Value!.GetValue<string>()).Where(v => v.StartsWith("https://", StringComparison.Ordinal)).ToList();

        Assert.Equal(3, urls.Count);
        foreach (var url in urls)
        {
            var path = new Uri(url.Replace("{{HOST_NAME}}", "journeybot.example.com")).AbsolutePath;
            var response = await fixture.Bot.Http.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {response.StatusCode}");
            Assert.Contains("JourneyBot", await response.Content.ReadAsStringAsync());
        }
    }
}
