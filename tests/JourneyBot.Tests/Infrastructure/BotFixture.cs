using System.Text.Json.Nodes;

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

    public async Task DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Channel.DisposeAsync();
        await Azurite.DisposeAsync();
    }
}
