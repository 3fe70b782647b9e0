using JourneyBot.Domain;
using JourneyBot.Programs;
using JourneyBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace JourneyBot.Tests.Map;

// One Azurite, one stand-in Entra and the app with a tab registration, shared by a test class. Each test imports
// its own program into its own tenant.
public class MapWorld : IAsyncLifetime

{
    public string ClientId { get; } = Guid.NewGuid().ToString();
    // The bot's app id, for tests that also send activities to /api/messages (Channel.MintToken(AppId)).
    public string AppId { get; } = Guid.NewGuid().ToString();
    // Members of this Entra group see every program of their tenant in the portfolio.
    public string AdminGroupId { get; } = Guid.NewGuid().ToString();
    public AzuriteServer Azurite { get; private set; } = null!;
    public TestChannel Channel { get; private set; } = null!;
    public TestEntra Entra { get; private set; } = null!;
    public BotApp App { get; private set; } = null!;
    public CapturedLogs Logs { get; } = new();
    // The local Graph stand-in, for worlds that ask the directory (WithGraph); null otherwise.
    public FakeGraph? Graph { get; private set; }

    protected virtual bool WithGraph => false;

    public async Task InitializeAsync()
    {
        Azurite = await AzuriteServer.StartAsync();
        Channel = await TestChannel.StartAsync();
        Entra = await TestEntra.StartAsync();
        if (WithGraph) Graph = await FakeGraph.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Map:ClientId"] = ClientId,
            ["Map:OpenIdMetadataUrl"] = Entra.MetadataUrl,
            ["Portfolio:AdminGroupId"] = AdminGroupId,
            // Everything the app and ASP.NET Core say about requests, so tests can look for leaks.
            ["Logging:LogLevel:JourneyBot"] = "Debug",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Debug",
        };
        if (Graph is not null) settings["Graph:BaseUrl"] = Graph.BaseUrl;
        App = BotApp.Authenticated(Azurite.ConnectionString, Channel, AppId,
            services => services.AddSingleton<ILoggerProvider>(Logs), settings).Start();
    }

    public async Task<JourneyProgram> ImportAsync(JourneyProgram program)
    {
        await App.Services.GetRequiredService<ProgramStore>().ImportAsync(program, CancellationToken.None);
        return program;
    }

    public string TokenFor(JourneyProgram program, string objectId) => Entra.Token(program.TenantId, objectId, ClientId);

    public async Task<HttpResponseMessage> GetAsync(string path, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null) request.Headers.Authorization = new("Bearer", token);
        return await App.Http.SendAsync(request);
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Entra.DisposeAsync();
        if (Graph is not null) await Graph.DisposeAsync();

        await Channel.DisposeAsync();
        await Azurite.DisposeAsync();
    }
}
