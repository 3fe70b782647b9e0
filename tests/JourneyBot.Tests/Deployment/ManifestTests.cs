using System.Buffers.Binary;
using System.IO.Compression;
using System.Text.Json.Nodes;
using JourneyBot.Tests.Infrastructure;

namespace JourneyBot.Tests.Deployment;

public sealed class ManifestTests
{
    private static string ManifestPath => Path.Combine(RepoPaths.Root, "manifest", "manifest.json");

    [Fact]
    public async Task ManifestValidatesAgainstTheBundledOfficialSchema()
    {
        var result = await Tool.RunAsync("node", "manifest/tools/validate-manifest.js", "--sample", "manifest/manifest.json");

        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        Assert.Contains("valid", result.Stdout);
    }

    [Fact]
    public async Task TheValidatorRejectsABrokenManifest()
    {
        var broken = JsonNode.Parse(await File.ReadAllTextAsync(ManifestPath))!.AsObject();
        broken.Remove("name");
        broken["accentColor"] = "teal";
        var dir = Directory.CreateTempSubdirectory("journeybot-manifest-");
        try
        {
            File.Copy(Path.Combine(RepoPaths.Root, "manifest", "color.png"), Path.Combine(dir.FullName, "color.png"));
            File.Copy(Path.Combine(RepoPaths.Root, "manifest", "outline.png"), Path.Combine(dir.FullName, "outline.png"));
            var path = Path.Combine(dir.FullName, "manifest.json");
            await File.WriteAllTextAsync(path, broken.ToJsonString());

            var result = await Tool.RunAsync("node", "manifest/tools/validate-manifest.js", "--sample", path);

            Assert.Equal(1, result.ExitCode);
            Assert.Contains("name", result.Stdout + result.Stderr);
            Assert.Contains("accentColor", result.Stdout + result.Stderr);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task ManifestDeclaresTheBotInEveryScopeWithTheHelpCommand()
    {
        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(ManifestPath))!;

        Assert.Equal("1.30", manifest["manifestVersion"]!.GetValue<string>());
        var bot = manifest["bots"]![0]!;
        Assert.Equal(["personal", "team", "groupChat"], bot["scopes"]!.AsArray().Select(s => s!.GetValue<string>()));
        foreach (var list in bot["commandLists"]!.AsArray())
        {
            Assert.Contains(list!["commands"]!.AsArray(), c => c!["title"]!.GetValue<string>() == "help");
        }
        Assert.NotNull(manifest["webApplicationInfo"]);
        Assert.NotEmpty(manifest["validDomains"]!.AsArray());
    }

    // "Add as touchpoint" on any message: one action command, its dialog fetched from the bot.
    [Fact]
    public async Task ManifestDeclaresTheAddAsTouchpointMessageAction()
    {
        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(ManifestPath))!;

        var extension = Assert.Single(manifest["composeExtensions"]!.AsArray())!;
        Assert.Equal(manifest["bots"]![0]!["botId"]!.GetValue<string>(), extension["botId"]!.GetValue<string>());
        var command = Assert.Single(extension["commands"]!.AsArray())!;
        Assert.Equal(JourneyBot.MessageActions.MessageTouchpointHandler.CommandId, command["id"]!.GetValue<string>());
        Assert.Equal("action", command["type"]!.GetValue<string>());
        Assert.True(command["fetchTask"]!.GetValue<bool>());
        Assert.Equal(["message", "compose", "commandBox"], command["context"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal("Add as touchpoint", command["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task TheValidatorRejectsAMessageActionTheSchemaDoesNotAllow()
    {
        var broken = JsonNode.Parse(await File.ReadAllTextAsync(ManifestPath))!.AsObject();
        var command = broken["composeExtensions"]![0]!["commands"]![0]!;
        command["context"] = new JsonArray("message", "meetingStage");
        command["type"] = "button";
        var dir = Directory.CreateTempSubdirectory("journeybot-manifest-");
        try
        {
            var path = Path.Combine(dir.FullName, "manifest.json");
            await File.WriteAllTextAsync(path, broken.ToJsonString());

            var result = await Tool.RunAsync("node", "manifest/tools/validate-manifest.js", "--sample", path);

            Assert.Equal(1, result.ExitCode);
            Assert.Contains("composeExtensions", result.Stdout + result.Stderr);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task TheMapTabCanBeAddedToAMeetingAndSharedToItsStageAndTheSchemaChecksTheContexts()
    {
        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(ManifestPath))!.AsObject();
        var tab = manifest["configurableTabs"]!.AsArray().Single()!;
        Assert.Equal(["channelTab", "privateChatTab", "meetingChatTab", "meetingDetailsTab", "meetingSidePanel", "meetingStage"],
            tab["context"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal(["sidePanel", "stage"], tab["meetingSurfaces"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Contains("groupChat", tab["scopes"]!.AsArray().Select(c => c!.GetValue<string>()));
        // shareAppContentToStage needs the meeting stage RSC permission, delegated.
        var rsc = manifest["authorization"]!["permissions"]!["resourceSpecific"]!.AsArray().Single()!;
        Assert.Equal(("MeetingStage.Write.Chat", "Delegated"), (rsc["name"]!.GetValue<string>(), rsc["type"]!.GetValue<string>()));

        // The official schema knows these contexts: one it does not know is refused.
        tab["context"]!.AsArray().Add("meetingBackstage");
        var dir = Directory.CreateTempSubdirectory("journeybot-manifest-");
        try
        {
            File.Copy(Path.Combine(RepoPaths.Root, "manifest", "color.png"), Path.Combine(dir.FullName, "color.png"));
            File.Copy(Path.Combine(RepoPaths.Root, "manifest", "outline.png"), Path.Combine(dir.FullName, "outline.png"));
            var path = Path.Combine(dir.FullName, "manifest.json");
            await File.WriteAllTextAsync(path, manifest.ToJsonString());
            var result = await Tool.RunAsync("node", "manifest/tools/validate-manifest.js", "--sample", path);
            Assert.Equal(1, result.ExitCode);
            Assert.Contains("configurableTabs", result.Stdout + result.Stderr);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    public static TheoryData<string> Languages => new(JourneyBot.Bot.Languages.Supported.Where(l => l != "en"));

    // Teams shows the app, its tab and its command menu in the person's language; a command picked from that menu is
    // sent as its title, so each title is the word the bot understands in that language.
    [Theory]
    [MemberData(nameof(Languages))]
    public async Task EachLanguageFileTranslatesTheManifestAndItsCommandTitlesAreTheBotsWords(string language)
    {
        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(ManifestPath))!;
        var info = manifest["localizationInfo"]!;
        Assert.Equal("en-us", info["defaultLanguageTag"]!.GetValue<string>());
        var entry = info["additionalLanguages"]!.AsArray().Single(l => l!["languageTag"]!.GetValue<string>() == language)!;
        var strings = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "manifest", entry["file"]!.GetValue<string>())))!.AsObject();

        var lists = manifest["bots"]![0]!["commandLists"]!.AsArray();
        for (var i = 0; i < lists.Count; i++)
        {
            var commands = lists[i]!["commands"]!.AsArray();
            for (var j = 0; j < commands.Count; j++)
            {
                var english = commands[j]!["title"]!.GetValue<string>();
                var title = strings[$"bots[0].commandLists[{i}].commands[{j}].title"]!.GetValue<string>();
                Assert.Equal(JourneyBot.Bot.CommandWords.In(language, english), title);
                Assert.NotEqual(commands[j]!["description"]!.GetValue<string>(),
                    strings[$"bots[0].commandLists[{i}].commands[{j}].description"]!.GetValue<string>());
            }
        }
        Assert.NotEqual(manifest["description"]!["full"]!.GetValue<string>(), strings["description.full"]!.GetValue<string>());
        Assert.Contains(JourneyBot.Bot.CommandWords.In(language, "help")!, strings["description.full"]!.GetValue<string>());
    }

    [Fact]
    public async Task TheValidatorRejectsALanguageFileThatMissesAKeyOrBreaksTheSchema()
    {
        var dir = Directory.CreateTempSubdirectory("journeybot-manifest-");
        try
        {
            foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.Root, "manifest")))
            {
                File.Copy(file, Path.Combine(dir.FullName, Path.GetFileName(file)));
            }
            var german = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(dir.FullName, "de.json")))!.AsObject();
            german.Remove("staticTabs[0].name");
            german["bots[0].commandLists[0].commands[0].title"] = new string('h', 40);
            german["bots[0].commandLists[0].commands[11].title"] = "extra";
            german["name.short"] = new string('J', 31);
            await File.WriteAllTextAsync(Path.Combine(dir.FullName, "de.json"), german.ToJsonString());
            File.Delete(Path.Combine(dir.FullName, "ja.json"));

            var result = await Tool.RunAsync("node", "manifest/tools/validate-manifest.js", "--sample", Path.Combine(dir.FullName, "manifest.json"));

            var said = result.Stdout + result.Stderr;
            Assert.Equal(1, result.ExitCode);
            Assert.Contains("de.json: \"staticTabs[0].name\" is missing", said);
            Assert.Contains("\"bots[0].commandLists[0].commands[0].title\" is longer than the 32 characters", said);
            Assert.Contains("de.json/name.short must NOT have more than 30 characters", said);
            Assert.Contains("\"bots[0].commandLists[0].commands[11].title\" names nothing in the manifest", said);
            Assert.Contains("ja.json: file not found", said);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("color.png", 192)]
    [InlineData("outline.png", 32)]
    public void IconsHaveTheSizesTeamsRequires(string file, int size)
    {
        var bytes = File.ReadAllBytes(Path.Combine(RepoPaths.Root, "manifest", file));

        Assert.Equal([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], bytes[..8]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(bytes, 12, 4));
        Assert.Equal(size, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)));
        Assert.Equal(size, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
    }

    [Fact]
    public async Task PackageScriptFillsInTheAppAndHostAndZipsTheThreeFiles()
    {
        var appId = Guid.NewGuid().ToString();
        var zip = Path.Combine(Path.GetTempPath(), $"journeybot-app-{Guid.NewGuid():N}.zip");
        try
        {
            var result = await Tool.RunAsync("bash", "manifest/build-package.sh", "--app-id", appId, "--host", "journeybot-test.azurewebsites.net", "--out", zip);
            Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);

            using var archive = ZipFile.OpenRead(zip);
            Assert.Equal(["color.png", "de.json", "es.json", "fr.json", "ja.json", "manifest.json", "outline.png"],
                archive.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
            using var reader = new StreamReader(archive.GetEntry("manifest.json")!.Open());
            var manifest = await reader.ReadToEndAsync();
            Assert.DoesNotContain("{{", manifest);
            var json = JsonNode.Parse(manifest)!;
            Assert.Equal(appId, json["bots"]![0]!["botId"]!.GetValue<string>());
            // One app registration is the bot, the tab's SSO audience and Graph's calling app (self-install needs
            // webApplicationInfo.id to be the caller), in Teams' documented api://<host>/<client id> form.
            Assert.Equal(appId, json["webApplicationInfo"]!["id"]!.GetValue<string>());
            Assert.Equal($"api://journeybot-test.azurewebsites.net/{appId}",
                json["webApplicationInfo"]!["resource"]!.GetValue<string>());
            Assert.Contains("journeybot-test.azurewebsites.net", json["validDomains"]!.AsArray().Select(d => d!.GetValue<string>()));
        }
        finally
        {
            File.Delete(zip);
        }
    }

    [Fact]
    public async Task PackageScriptRefusesAnAppIdThatIsNotAGuid()
    {
        var result = await Tool.RunAsync("bash", "manifest/build-package.sh", "--app-id", "journeybot", "--host", "journeybot.azurewebsites.net");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("GUID", result.Stdout + result.Stderr);
    }
}
