using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using JourneyBot.Tests.Infrastructure;

namespace JourneyBot.Tests.Deployment;

// What README's deployment steps and the app rely on in the template: the parameters and outputs the commands name
// exist, and the app settings the template sets are exactly the ones the code reads in production.
public sealed partial class TemplateContractTests
{
    // Read by the running app in Azure (Program, BotSettings, StorageConnection, Telemetry, GraphSettings).
    private static readonly string[] ProductionSettings =
    [
        "MicrosoftAppType", "MicrosoftAppId", "MicrosoftAppTenantId", "ConnectionStrings__Storage", "AZURE_CLIENT_ID",
        "APPLICATIONINSIGHTS_CONNECTION_STRING", "Graph__TeamsAppId", "Map__ClientId", "Map__PublicUrl",
    ];

    private static async Task<JsonObject> TemplateAsync()
    {
        var result = await Tool.RunAsync("bash", "infra/bicep.sh", "build", "infra/main.bicep", "--stdout");
        Assert.True(result.ExitCode == 0, result.Stderr);
        return JsonNode.Parse(result.Stdout)!.AsObject();
    }

    private static string Readme() => File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));

    [Fact]
    public async Task EveryParameterAndOutputTheReadmeNamesExists()
    {
        var template = await TemplateAsync();
        var parameters = template["parameters"]!.AsObject().Select(p => p.Key).ToHashSet();
        var outputs = template["outputs"]!.AsObject().Select(o => o.Key).ToHashSet();
        var readme = Readme();

        var named = ParameterOnCommandLine().Matches(readme).Select(m => m.Groups["name"].Value).ToHashSet();
        var placeholders = Placeholder().Matches(readme).Select(m => m.Groups["name"].Value).Where(n => n.Length > 0).ToHashSet();

        Assert.Contains("teamsAppCatalogId", named);
        Assert.Contains("adminIpRanges", named);
        Assert.All(named, n => Assert.Contains(n, parameters));
        foreach (var output in new[] { "webAppName", "webAppHostName", "botAppId", "identityPrincipalId" })
        {
            Assert.Contains(output, outputs);
            Assert.Contains(output, placeholders);
        }
    }

    [Fact]
    public async Task TheAppSettingsTheTemplateSetsAreExactlyThoseTheCodeReadsInProduction()
    {
        var template = await TemplateAsync();
        // Resources are a list, or (with symbolic names) an object of them.
        var resources = template["resources"] is JsonArray list ? list.Select(r => r!.AsObject()) : template["resources"]!.AsObject().Select(r => r.Value!.AsObject());
        var site = resources.Single(r => r["type"]!.GetValue<string>() == "Microsoft.Web/sites");
        var settings = site["properties"]!["siteConfig"]!["appSettings"]!.AsArray().Select(s => s!["name"]!.GetValue<string>()).ToList();

        Assert.Equal(ProductionSettings.Order(StringComparer.Ordinal), settings.Order(StringComparer.Ordinal));
        var source = string.Join("\n", Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "src", "JourneyBot"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText));
        // Each one the code reads, under its configuration name ("__" is the environment's ":").
        Assert.All(settings, s => Assert.True(source.Contains($"\"{s.Replace("__", ":")}\"", StringComparison.Ordinal)
            || source.Contains($"\"{s}\"", StringComparison.Ordinal), $"no code reads {s}"));
        // And README's configuration table documents it.
        Assert.All(settings, s => Assert.Contains($"`{s}`", Readme()));
    }

    [GeneratedRegex(@"-p (?<name>[A-Za-z]+)=")]
    private static partial Regex ParameterOnCommandLine();

    [GeneratedRegex(@"<(?<name>[A-Za-z]+)>")]
    private static partial Regex Placeholder();
}
