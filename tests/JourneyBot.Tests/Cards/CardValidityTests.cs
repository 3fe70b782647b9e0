using System.Diagnostics;
using System.Text.Json.Nodes;
using JourneyBot.Tests.Infrastructure;

namespace JourneyBot.Tests.Cards;

public sealed class CardValidityTests
{
    [Fact]
    public void EveryCardHasItsRequiredPropertiesAndFitsIn28KB()
    {
        var problems = CardCatalog.All().SelectMany(c => CardRules.Check(c.Card).Select(p => $"{c.Name}: {p}")).ToList();

        Assert.Empty(problems);
    }

    [Fact]
    public void TheRulesCatchWhatTheyClaimTo()
    {
        var broken = JsonNode.Parse("""
            {"type":"AdaptiveCard","version":"1.6","body":[{"type":"TextBlock","text":""},{"type":"FactSet","facts":[]}],
             "actions":[{"type":"Action.Submit","title":"Go"},{"type":"Action.Execute","title":"Run"},{"type":"Action.OpenUrl","title":"Open","url":"http://x.example.com"}]}
            """)!.AsObject();

        var problems = CardRules.Check(broken);

        Assert.Contains("version is not 1.5", problems);
        Assert.Contains(problems, p => p.Contains("TextBlock has no text"));
        Assert.Contains(problems, p => p.Contains("FactSet has no facts"));
        Assert.Contains(problems, p => p.Contains("Action.Submit"));
        Assert.Contains(problems, p => p.Contains("Action.Execute has no verb"));
        Assert.Contains(problems, p => p.Contains("not an absolute https URL"));
    }

    [Fact]
    public async Task EveryCardParsesWithTheOfficialLibraryAt15WithoutWarnings()
    {
        var cards = CardCatalog.All();
        var results = await ParseWithAdaptiveCardsAsync(cards.Select(c => (c.Name, c.Card)).Append(("deliberately-broken", BrokenCard())));

        foreach (var (name, card) in cards)
        {
            var result = results.Single(r => r!["name"]!.GetValue<string>() == name)!;
            Assert.True(result["events"]!.AsArray().Count == 0, $"{name}: {result["events"]!.ToJsonString()}");
            Assert.Equal(card["body"]!.AsArray().Count, result["bodyCount"]!.GetValue<int>());
        }
        // Proves the parser really reports problems, so an empty list above means something.
        var broken = results.Single(r => r!["name"]!.GetValue<string>() == "deliberately-broken")!;
        Assert.NotEmpty(broken["events"]!.AsArray());
    }

    private static JsonObject BrokenCard() => JsonNode.Parse("""
        {"type":"AdaptiveCard","version":"1.5","body":[{"type":"NotAThing"}],"actions":[{"type":"Action.Bogus","title":"x"}]}
        """)!.AsObject();

    public static async Task<JsonArray> ParseWithAdaptiveCardsAsync(IEnumerable<(string Name, JsonObject Card)> cards)
    {
        var input = Path.Combine(Path.GetTempPath(), $"journeybot-cards-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(input, new JsonArray(cards.Select(c => (JsonNode)new JsonObject { ["name"] = c.Name, ["card"] = c.Card.DeepClone() }).ToArray()).ToJsonString());
        try
        {
            var info = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
            info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Cards", "check-cards.js"));
            info.ArgumentList.Add(input);
            info.Environment["JOURNEYBOT_NODE_MODULES"] = RepoPaths.NodeModules;
            info.Environment["JOURNEYBOT_ALLOWED_NOTES"] = System.Text.Json.JsonSerializer.Serialize(CardRules.AllowedParserNotes);
            using var process = Process.Start(info)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
            Assert.True(process.ExitCode == 0, await stderr);
            return JsonNode.Parse(await stdout)!.AsArray();
        }
        finally
        {
            File.Delete(input);
        }
    }
}
