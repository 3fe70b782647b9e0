using JourneyBot.Tests.Infrastructure;

namespace JourneyBot.Tests.Playground;

// End to end through the Teams stand-in: the Playground sends Teams-shaped activities to the real bot and
// shows what the bot sends back, exactly as a developer sees it with `infra/run-local.sh`.
public sealed class PlaygroundTests
{
    [Fact]
    public async Task InstallWelcomesAndHelpAnswersInThePlayground()
    {
        await using var azurite = await AzuriteServer.StartAsync();
        using var bot = BotApp.Anonymous(azurite.ConnectionString).Start();
        await using var playground = await Infrastructure.Playground.StartAsync(new Uri(bot.BaseAddress, "/api/messages"));

        await playground.InstallAsync();
        var welcome = await playground.WaitForMessageAsync(m => Infrastructure.Playground.CardTitle(m) == "Welcome to JourneyBot", "the welcome card");

        await playground.SendTextAsync("help");
        await playground.WaitForMessageAsync(m => Infrastructure.Playground.CardTitle(m) == "What JourneyBot can do", "the help card");

        await playground.SendTextAsync("tell me a joke");
        await playground.WaitForMessageAsync(m => m["text"]?.ToString().Contains("help") == true, "the pointer to help");

        // The welcome card's "Show help" button: a Universal Action answered in place.
        var clicked = await playground.ClickAsync("help", welcome["messageId"]!.ToString());
        Assert.Equal("What JourneyBot can do", clicked["value"]?["body"]?[0]?["text"]?.GetValue<string>());

        // Installing again is the same installation: still exactly one welcome.
        await playground.InstallAsync();
        await Task.Delay(1000);
        Assert.Single(playground.BotMessages, m => Infrastructure.Playground.CardTitle(m) == "Welcome to JourneyBot");
    }
}
