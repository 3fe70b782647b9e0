using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyBot.Tests.Infrastructure;

// One Azurite, one test channel and one authenticated bot shared by a test class; every test makes its own
// conversation and tenant, so tests never see each other's data.
public sealed class BotFixture : IAsyncLifetime
{
    public string AppId { get; } = Guid.NewGuid().ToString();
    public AzuriteServer Azurite { get; private set; } = null!;
    public TestChannel Channel { get; private set; } = null!;
    public BotApp Bot { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Azurite = await AzuriteServer.StartAsync();
        Channel = await TestChannel.StartAsync();
        Bot = BotApp.Authenticated(Azurite.ConnectionString, Channel, AppId).Start();
    }

    public Activities NewConversation(string conversationType = "personal") =>
        new(Channel.ServiceUrl, AppId) { ConversationType = conversationType };

    public string Token() => Channel.MintToken(AppId);

    public Task<HttpResponseMessage> SendAsync(JsonNode activity) => Bot.PostActivityAsync(activity, Token());

    // The scheduler runs only when a test says so: ticks until nothing is due (bounded, so a stuck send fails the test).
    public async Task RunDueWorkAsync()
    {
        var scheduler = Bot.Services.GetRequiredService<JourneyBot.Scheduling.Scheduler>();
        for (var i = 0; i < 5; i++)
        {
            if ((await scheduler.TickAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60))).Read == 0) return;
        }
    }

    // For work the scheduler paces over several ticks (many sends in one tenant): ticks until the condition holds.
    public async Task RunWorkUntilAsync(Func<bool> done, TimeSpan limit)
    {
        var scheduler = Bot.Services.GetRequiredService<JourneyBot.Scheduling.Scheduler>();
        var until = DateTimeOffset.UtcNow + limit;
        while (!done())
        {
            if (DateTimeOffset.UtcNow > until) throw new TimeoutException($"The scheduled work was not done within {limit}.");
            if ((await scheduler.TickAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60))).Read == 0) await Task.Delay(250);
        }
    }

    public async Task DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Channel.DisposeAsync();
        await Azurite.DisposeAsync();
    }
}
