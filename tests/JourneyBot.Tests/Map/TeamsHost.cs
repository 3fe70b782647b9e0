using System.Text.Json;
using Microsoft.Playwright;

namespace JourneyBot.Tests.Map;

// A stand-in Teams web client for browser tests: a page served (by Playwright) at Teams' own origin that frames
// the tab and answers TeamsJS's messages: initialize, getContext with a theme, getAuthToken with a test token.
// Every request that would leave the machine is aborted.
public sealed class TeamsHost : IAsyncDisposable
{
    public const string Origin = "https://teams.microsoft.com";
    public static string ChromiumPath => Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    public List<string> Aborted { get; } = [];
    public List<string> PageErrors { get; } = [];

    private TeamsHost(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        _browser = browser;
    }

    public static async Task<TeamsHost> StartAsync()
    {
        Assert.True(File.Exists(ChromiumPath), $"{ChromiumPath} is missing: install Debian's chromium (infra/test.sh does) or set CHROMIUM_PATH.");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // The stand-in Teams origin is public and the app is on loopback: Chromium would block that local-network hop.
            Args = ["--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-features=LocalNetworkAccessChecks,PrivateNetworkAccessSendPreflights,PrivateNetworkAccessRespectPreflightResults,BlockInsecurePrivateNetworkRequests"],
        });
        return new TeamsHost(playwright, browser);
    }

    // Opens the host page with the tab at tabUrl framed in it, and returns the page and the tab's frame.
    // frameContext "settings" opens it as Teams opens a configurable tab's configuration page.
    // In a meeting (frameContext "sidePanel" or "meetingStage"), chatId is the meeting chat's id TeamsJS reports.
    public async Task<(IPage Page, IFrameLocator Tab)> OpenAsync(Uri app, string tabPath, string? token, string theme = "default", int width = 1280, int height = 900,
        string frameContext = "content", string? chatId = null, string locale = "en-gb")
    {
        var page = await _browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = height }, AcceptDownloads = true });
        page.PageError += (_, e) => PageErrors.Add(e);
        var hostPage = HostPage(new Uri(app, tabPath).ToString(), token, theme, width - 20, height - 20, frameContext, chatId, locale);
        await page.RouteAsync("**/*", async route =>
        {
            var url = new Uri(route.Request.Url);
            if (url.Scheme == "https" && url.Host == "teams.microsoft.com" && url.AbsolutePath == "/host")
            {
                await route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "text/html", Body = hostPage });
            }
            else if (url.IsLoopback && url.Port == app.Port) await route.ContinueAsync();
            else
            {
                lock (Aborted) Aborted.Add(route.Request.Url);
                await route.AbortAsync();
            }
        });
        await page.GotoAsync(Origin + "/host");
        return (page, page.FrameLocator("#tab"));
    }

    public static Task ChangeThemeAsync(IPage page, string theme) =>
        page.EvaluateAsync("theme => document.getElementById('tab').contentWindow.postMessage({ func: 'themeChange', args: [theme] }, '*')", theme);

    // What Teams sends a configuration page when the person selects Save.
    public static Task SaveConfigurationAsync(IPage page) =>
        page.EvaluateAsync("() => document.getElementById('tab').contentWindow.postMessage({ func: 'settings.save', args: [{}] }, '*')");

    // The arguments of every call the tab made to the host with this name, in order.
    public static Task<System.Text.Json.JsonElement> CallsAsync(IPage page, string func) =>
        page.EvaluateAsync<System.Text.Json.JsonElement>("func => window.messages.filter(m => m.func === func).map(m => m.args)", func);

    private static string HostPage(string tabUrl, string? token, string theme, int width, int height, string frameContext, string? chatId,
        string locale) => $$"""
        <!doctype html><html lang="en"><head><title>Teams test host</title></head><body style="margin:0">
        <iframe id="tab" title="JourneyBot map" src="{{tabUrl}}" width="{{width}}" height="{{height}}" style="border:0"></iframe>
        <script>
          const token = {{JsonSerializer.Serialize(token)}};
          const frameContext = {{JsonSerializer.Serialize(frameContext)}};
          const chatId = {{JsonSerializer.Serialize(chatId)}};
          window.calls = [];
          window.messages = [];
          window.addEventListener('message', e => {
            const m = e.data;
            if (!m || typeof m !== 'object' || typeof m.func !== 'string' || typeof m.id !== 'number') return;
            window.calls.push(m.func);
            window.messages.push({ func: m.func, args: m.args });
            const reply = args => e.source.postMessage({ id: m.id, uuidAsString: m.uuidAsString, args }, '*');
            switch (m.func) {
              case 'initialize':
                reply([frameContext, 'web', JSON.stringify({ apiVersion: 4, supports: { pages: { appButton: {}, tabs: {}, config: {}, backStack: {} }, teamsCore: {}, appInstallDialog: {}, meeting: {} } }), '2.58.0']);
                break;
              case 'getContext':
                reply([{ theme: {{JsonSerializer.Serialize(theme)}}, locale: {{JsonSerializer.Serialize(locale)}}, userObjectId: 'host-user', tid: 'host-tenant', hostClientType: 'web', frameContext,
                  chatId: chatId || undefined, meetingId: chatId ? 'meeting-' + chatId : undefined }]);
                break;
              case 'meeting.shareAppContentToStage':
                // Teams answers (error, result): shared.
                reply([null, true]);
                break;
              case 'settings.setSettings':
                // Teams answers whether it kept the tab's configuration.
                reply([true]);
                break;
              case 'authentication.getAuthToken':
                reply(token ? [true, token] : [false, 'resourceRequiresConsent']);
                break;
              default:
                reply([]);
            }
          });
        </script></body></html>
        """;

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
