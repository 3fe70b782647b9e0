using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyBot.Tests.Infrastructure;

// The real app on real Kestrel (loopback, free port), configured the way a test needs: Azurite for storage,
// the test channel for OpenID keys; only the settings change.
public sealed class BotApp : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    public BotApp(IDictionary<string, string?> settings, Action<IServiceCollection>? services = null)
    {
        _settings = new Dictionary<string, string?>(settings);
        _services = services;
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
    }

    public static BotApp Authenticated(string storage, TestChannel channel, string appId, Action<IServiceCollection>? services = null,
        IDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = appId,
            ["MicrosoftAppPassword"] = "not-used-because-the-connector-is-on-loopback",
            ["MicrosoftAppType"] = "MultiTenant",
            ["ConnectionStrings:Storage"] = storage,
            ["Bot:OpenIdMetadataUrl"] = channel.MetadataUrl,
            // The test channel's connector listens on loopback.
            ["Bot:ServiceUrlHosts"] = "127.0.0.1,localhost",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) all[key] = value;
        return new BotApp(all, services);
    }

    public static BotApp Anonymous(string storage, Action<IServiceCollection>? services = null) => new(new Dictionary<string, string?>
    {
        ["ConnectionStrings:Storage"] = storage,
    }, services);

    public Uri BaseAddress { get; private set; } = null!;
    public HttpClient Http { get; private set; } = null!;

    public BotApp Start()
    {
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1").Replace("localhost", "127.0.0.1"));
        Http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Explicit, so hosts other than the test assembly (the benchmark) find the app's appsettings.json too.
        builder.UseContentRoot(Path.Combine(RepoPaths.Root, "src", "JourneyBot"));
        // Tests that are not about scheduling drive no background ticks; those that are turn it on or tick by hand.
        builder.UseSetting("Scheduler:Enabled", "false");
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.Hosting.Lifetime", "Warning");
        if (_services is not null) builder.ConfigureTestServices(_services);
    }

    public Task<HttpResponseMessage> PostActivityAsync(JsonNode activity, string? token) =>
        PostRawAsync(activity.ToJsonString(), token);

    public async Task<HttpResponseMessage> PostRawAsync(string body, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await Http.SendAsync(request);
    }

    public static async Task<JsonNode?> ReadJsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) Http?.Dispose();
        base.Dispose(disposing);
    }
}
