using System.Net;
using JourneyBot.Programs;
using JourneyBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyBot.Tests.Map;

// Local development: no app id and no tab registration, so loopback callers are the named local user and the
// page is rendered whole on the server (readable without script, printable).
public sealed class MapLocalModeTests : IAsyncLifetime
{
    private AzuriteServer _azurite = null!;
    private BotApp _app = null!;

    public async Task InitializeAsync()
    {
        _azurite = await AzuriteServer.StartAsync();
        _app = new BotApp(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Storage"] = _azurite.ConnectionString,
            ["Map:LocalTenantId"] = "dev-tenant",
            ["Map:LocalUserObjectId"] = MapSamples.Owner.AadObjectId,
        }).Start();
    }

    [Fact]
    public async Task TheLocalUserSeesTheWholeMapRenderedOnTheServer()
    {
        var program = MapSamples.Program(tenantId: "dev-tenant");
        await _app.Services.GetRequiredService<ProgramStore>().ImportAsync(program, CancellationToken.None);

        var picker = await _app.Http.GetStringAsync("/map/");
        Assert.Contains($"href=\"/map/{program.Id}\"", picker);

        var response = await _app.Http.GetAsync($"/map/{program.Id}?view=departments");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<table class=\"lanes swim\">", html);
        Assert.Contains("data-mode=\"local\"", html);
        Assert.DoesNotContain("MicrosoftTeams.min.js", html);
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString());

        var other = MapSamples.Program(tenantId: "dev-tenant") with { Charter = program.Charter with { Owners = [new("someone-else", "Someone")], Sponsors = [], Departments = [] } };
        await _app.Services.GetRequiredService<ProgramStore>().ImportAsync(other, CancellationToken.None);
        Assert.Equal(HttpStatusCode.NotFound, (await _app.Http.GetAsync($"/map/{other.Id}")).StatusCode);
    }

    [Fact]
    public async Task ADeployedBotWithoutATabRegistrationServesNoMap()
    {
        await using var channel = await TestChannel.StartAsync();
        using var deployed = BotApp.Authenticated(_azurite.ConnectionString, channel, Guid.NewGuid().ToString()).Start();
        var page = await deployed.Http.GetStringAsync("/map/?inTeams=1");
        Assert.Contains("The map tab is not set up", page);
        Assert.Equal(HttpStatusCode.Unauthorized, (await deployed.Http.GetAsync("/map/anything/content")).StatusCode);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _azurite.DisposeAsync();
    }
}
