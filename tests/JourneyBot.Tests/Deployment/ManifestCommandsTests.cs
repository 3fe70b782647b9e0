using System.Text.Json.Nodes;
using JourneyBot.Bot;
using JourneyBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyBot.Tests.Deployment;

// Teams shows the manifest's command list as suggestions: every suggestion must be a command the bot knows.
public sealed class ManifestCommandsTests(BotFixture fixture) : IClassFixture<BotFixture>
{
    [Fact]
    public async Task EveryManifestCommandIsOneTheBotUnderstands()
    {
        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "manifest", "manifest.json")))!;
        var known = fixture.Bot.Services.GetRequiredService<CommandCatalog>().Commands.Select(c => c.Name).ToHashSet();

        foreach (var list in manifest["bots"]![0]!["commandLists"]!.AsArray())
        {
            Assert.All(list!["commands"]!.AsArray(), c => Assert.Contains(c!["title"]!.GetValue<string>(), known));
        }
    }
}
