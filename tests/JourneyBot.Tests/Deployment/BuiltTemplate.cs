using System.Text.Json.Nodes;
using JourneyBot.Tests.Infrastructure;

namespace JourneyBot.Tests.Deployment;

// infra/main.bicep as Azure receives it (ARM JSON from the pinned Bicep CLI), built once for every test that reads it,
// and the app's source as the tests that tie the template to the code read it.
public static class BuiltTemplate
{
    private static readonly Lazy<Task<JsonObject>> Main = new(() => BuildAsync("infra/main.bicep"));

    public static Task<JsonObject> MainAsync() => Main.Value;

    public static async Task<JsonObject> BuildAsync(string file)
    {
        var result = await Tool.RunAsync("bash", "infra/bicep.sh", "build", file, "--stdout");
        Assert.True(result.ExitCode == 0, result.Stderr);
        return JsonNode.Parse(result.Stdout)!.AsObject();
    }

    // Resources are a list, or (with symbolic names) an object of them; modules are nested deployments whose own
    // template holds their resources, so these are walked too.
    public static IEnumerable<JsonObject> Resources(JsonObject template)
    {
        var resources = template["resources"] switch
        {
            JsonArray list => list.Select(r => r!.AsObject()),
            JsonObject named => named.Select(r => r.Value!.AsObject()),
            _ => [],
        };
        foreach (var resource in resources)
        {
            yield return resource;
            if (Type(resource) == "Microsoft.Resources/deployments"
                && resource["properties"]?["template"] is JsonObject nested)
            {
                foreach (var inner in Resources(nested)) yield return inner;
            }
        }
    }

    public static string Type(JsonObject resource) => resource["type"]!.GetValue<string>();

    public static IEnumerable<JsonObject> OfType(JsonObject template, string type) =>
        Resources(template).Where(r => string.Equals(Type(r), type, StringComparison.OrdinalIgnoreCase));

    public static JsonObject Single(JsonObject template, string type) => Assert.Single(OfType(template, type));

    // A module of the main template, by its symbolic name in main.bicep.
    public static JsonObject Module(JsonObject template, string symbol) => template["resources"]![symbol]!.AsObject();

    // The web app's settings by name, each value as the template writes it (a literal or an ARM expression).
    public static Dictionary<string, string> AppSettings(JsonObject template) =>
        Single(template, "Microsoft.Web/sites")["properties"]!["siteConfig"]!["appSettings"]!.AsArray()
            .ToDictionary(s => s!["name"]!.GetValue<string>(), s => s!["value"]!.ToString(), StringComparer.Ordinal);

    public static string Readme() => File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));

    public static string SourceFile(string relative) =>
        File.ReadAllText(Path.Combine(RepoPaths.Root, "src", "JourneyBot", relative));

    // Every C# file of the app, by path relative to src/JourneyBot.
    public static IReadOnlyDictionary<string, string> Source()
    {
        var app = Path.Combine(RepoPaths.Root, "src", "JourneyBot");
        var separator = Path.DirectorySeparatorChar;
        return Directory.EnumerateFiles(app, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(app, f))
            .Where(f => !f.StartsWith($"obj{separator}", StringComparison.Ordinal)
                && !f.StartsWith($"bin{separator}", StringComparison.Ordinal))
            .ToDictionary(f => f, f => File.ReadAllText(Path.Combine(app, f)));
    }
}
