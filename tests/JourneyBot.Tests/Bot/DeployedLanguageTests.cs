using System.Net.Http.Json;
using JourneyBot.Tests.Infrastructure;

namespace JourneyBot.Tests.Bot;

// The deployable as App Service starts it, with its own runtime settings (globalization-invariant): the language
// files must still be found there, or German commands would fail where the in-process tests pass.
public sealed class DeployedLanguageTests : IAsyncLifetime
{
    private AzuriteServer _azurite = null!;
    private TestChannel _channel = null!;

    public async Task InitializeAsync()
    {
        _azurite = await AzuriteServer.StartAsync();
        _channel = await TestChannel.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _channel.DisposeAsync();
        await _azurite.DisposeAsync();
    }

    [Fact]
    public async Task TheDeployedAppAnswersAGermanCommandInGerman()
    {
        var port = FreePort.Next();
        using var app = ChildProcess.Start("dotnet", [Path.Combine(AppContext.BaseDirectory, "JourneyBot.dll"), "--urls", $"http://127.0.0.1:{port}"],
            AppContext.BaseDirectory, new Dictionary<string, string> { ["ConnectionStrings__Storage"] = _azurite.ConnectionString });
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(20) };
        var started = DateTimeOffset.UtcNow;
        while (true)
        {
            Assert.False(app.HasExited, app.ReadLog());
            try
            {
                if ((await http.GetAsync("/healthz")).IsSuccessStatusCode) break;
            }
            catch (HttpRequestException)
            {
            }
            Assert.True(DateTimeOffset.UtcNow - started < TimeSpan.FromSeconds(60), "the app did not start: " + app.ReadLog());
            await Task.Delay(250);
        }

        var chat = new Activities(_channel.ServiceUrl, Guid.NewGuid().ToString());
        var message = chat.Message("hilfe");
        message["locale"] = "de-DE";
        var response = await http.PostAsJsonAsync("/api/messages", message);

        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {app.ReadLog()}");
        var reply = Assert.Single(_channel.CallsFor(chat.ConversationId));
        Assert.Equal("Was JourneyBot kann", reply.Body!["attachments"]![0]!["content"]!["body"]![0]!["text"]!.GetValue<string>());
    }
}
