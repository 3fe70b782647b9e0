using System.Text.Json.Nodes;
using JourneyBot.Protocol;
using JourneyBot.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyBot.Tests.Infrastructure;

// A signed-in bot on Azurite with the local channel and a fake Graph, one per test: for what Teams and the
// directory know about people.
public abstract class GraphWorld : IAsyncLifetime
{
    protected string AppId { get; } = Guid.NewGuid().ToString();
    protected AzuriteServer Azurite { get; private set; } = null!;
    protected TestChannel Channel { get; private set; } = null!;
    protected FakeGraph GraphServer { get; private set; } = null!;
    protected BotApp Bot { get; private set; } = null!;

    // Settings beyond where Graph is.
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public async Task InitializeAsync()
    {
        Azurite = await AzuriteServer.StartAsync();
        Channel = await TestChannel.StartAsync();
        GraphServer = await FakeGraph.StartAsync();
        Bot = BotApp.Authenticated(Azurite.ConnectionString, Channel, AppId, null, new Dictionary<string, string?>(Settings) { ["Graph:BaseUrl"] = GraphServer.BaseUrl }).Start();
        await ((ServiceUrlTrustStore)Bot.Services.GetRequiredService<IServiceUrlTrust>()).RememberAsync(Channel.ServiceUrl, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await Bot.DisposeAsync();
        await GraphServer.DisposeAsync();
        await Channel.DisposeAsync();
        await Azurite.DisposeAsync();
    }

    protected async Task<JsonObject> ClickAsync(Activities who, string verb, JsonObject data)
    {
        var response = await Bot.PostActivityAsync(who.CardAction(verb, data), Channel.MintToken(AppId));
        response.EnsureSuccessStatusCode();
        return (await BotApp.ReadJsonAsync(response))!["value"]!.AsObject();
    }
}
