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

    // A message extension command Teams shows must be one the bot answers (else Teams gets a 501).
    [Fact]
    public async Task EveryManifestMessageExtensionCommandIsOneTheBotHandles()
    {
        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "manifest", "manifest.json")))!;
        var known = fixture.Bot.Services.GetRequiredService<CommandCatalog>().MessageCommands.Keys.ToHashSet();

        var declared = manifest["composeExtensions"]!.AsArray().SelectMany(e => e!["commands"]!.AsArray())
            .Select(c => c!["id"]!.GetValue<string>()).ToList();
        Assert.NotEmpty(declared);
        Assert.All(declared, id => Assert.Contains(id, known));
    }
}
