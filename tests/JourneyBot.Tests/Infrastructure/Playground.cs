using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace JourneyBot.Tests.Infrastructure;

// The Microsoft 365 Agents Playground (the local Teams stand-in) pointed at a running bot, driven through its
// own HTTP API, with the bot's messages read from its conversation stream.
public sealed partial class Playground : IAsyncDisposable
{
    private readonly ChildProcess _process;
    private readonly ClientWebSocket _socket = new();
    private readonly CancellationTokenSource _stop = new();
    private Task? _reader;

    public HttpClient Http { get; }
    public ConcurrentQueue<JsonObject> BotMessages { get; } = new();
    public string PersonalChatId { get; private set; } = "";
    public string UserId { get; private set; } = "";

    private Playground(ChildProcess process, int port)
    {
        _process = process;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(60) };
    }

    public static async Task<Playground> StartAsync(Uri botEndpoint)
    {
        var workDir = Directory.CreateTempSubdirectory("journeybot-playground-").FullName;
        var process = ChildProcess.Start(RepoPaths.NodeBin("agentsplayground"),
            ["-e", botEndpoint.AbsoluteUri, "-c", "msteams", "-p", FreePort.Next().ToString(), "--disable-telemetry"],
            workDir,
            new Dictionary<string, string>
            {
                ["TEAMSAPPTESTER_BROWSER"] = "none",
                ["M365_AGENTS_PLAYGROUND_LOGFILE"] = Path.Combine(workDir, "playground.log"),
            });

        // It falls back to a random port when the one asked for was taken meanwhile: read the one it chose.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        int? port = null;
        while (port is null)
        {
            if (ListeningOn().Match(process.ReadLog()) is { Success: true } match) port = int.Parse(match.Groups[1].Value);
            else if (process.HasExited || DateTime.UtcNow > deadline)
            {
                process.Dispose();
                throw new InvalidOperationException($"The Agents Playground did not start:\n{process.ReadLog()}");
            }
            else await Task.Delay(100);
        }

        var playground = new Playground(process, port.Value);
        var config = (await playground.Http.GetFromJsonAsync<JsonObject>("/_internal/v1/config"))!["config"]!;
        playground.PersonalChatId = config["personalChat"]!["id"]!.GetValue<string>();
        playground.UserId = config["currentUser"]!["id"]!.GetValue<string>();
        await playground._socket.ConnectAsync(new Uri($"ws://127.0.0.1:{port}/_ws_conversation/v1/conversations/stream"), CancellationToken.None);
        playground._reader = playground.ReadStreamAsync();
        return playground;
    }

    public async Task InstallAsync()
    {
        var response = await Http.PostAsync($"/_debug/conversation/{PersonalChatId}/installation", JsonContent.Create(new { }));
        response.EnsureSuccessStatusCode();
    }

    public async Task<string> SendTextAsync(string text)
    {
        var response = await Http.PostAsJsonAsync($"/_conversation/v1/conversations/{PersonalChatId}/messages",
            new { from = new { id = UserId }, text, textFormat = "plain" });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["messageId"]!.ToString();
    }

    public async Task<string> CurrentUserAadObjectIdAsync() =>
        (await Http.GetFromJsonAsync<JsonObject>("/_internal/v1/config"))!["config"]!["currentUser"]!["aadObjectId"]!.GetValue<string>();

    public async Task<string> OtherUserAadObjectIdAsync() =>
        (await Http.GetFromJsonAsync<JsonObject>("/_internal/v1/config"))!["config"]!["users"]![0]!["aadObjectId"]!.GetValue<string>();

    public async Task<JsonObject> ClickAsync(string verb, string replyToId, JsonObject? data = null)
    {
        var response = await Http.PostAsJsonAsync("/_conversation/v1/invoke", new
        {
            name = "adaptiveCard/action",
            value = new { action = new { type = "Action.Execute", verb, data = data ?? new JsonObject() } },
            from = new { id = UserId },
            conversation = new { id = PersonalChatId },
            replyToId,
        });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    // A message extension invoke as the Playground's own UI sends it (composeExtension/fetchTask or /submitAction,
    // with the message the action was chosen on in value.messagePayload); the answer is the bot's task/composeExtension.
    public async Task<JsonObject> MessageActionAsync(string name, JsonObject value)
    {
        var response = await Http.PostAsJsonAsync("/_conversation/v1/invoke", new JsonObject
        {
            ["name"] = name,
            ["value"] = value.DeepClone(),
            ["from"] = new JsonObject { ["id"] = UserId },
            ["conversation"] = new JsonObject { ["id"] = PersonalChatId },
        });
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"The Playground answered {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    public static string? CardTitle(JsonObject message) =>
        message["attachments"] is JsonArray { Count: > 0 } attachments
        && attachments[0]?["content"]?["body"] is JsonArray { Count: > 0 } body
            ? body[0]?["text"]?.GetValue<string>()
            : null;

    public async Task<JsonObject> WaitForMessageAsync(Func<JsonObject, bool> match, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (DateTime.UtcNow < deadline)
        {
            if (BotMessages.FirstOrDefault(match) is { } found) return found;
            await Task.Delay(50);
        }
        throw new TimeoutException($"No bot message with {what} arrived. Seen: {string.Join(" | ", BotMessages.Select(m => CardTitle(m) ?? m["text"]?.ToString()))}\n{_process.ReadLog()}");
    }

    private async Task ReadStreamAsync()
    {
        var buffer = new byte[256 * 1024];
        var message = new MemoryStream();
        try
        {
            while (!_stop.IsCancellationRequested && _socket.State == WebSocketState.Open)
            {
                var result = await _socket.ReceiveAsync(buffer, _stop.Token);
                if (result.MessageType == WebSocketMessageType.Close) break;
                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage) continue;
                var frame = JsonNode.Parse(Encoding.UTF8.GetString(message.ToArray()))?.AsObject();
                message.SetLength(0);
                if (frame?["action"]?.GetValue<string>() == "createMessage" && frame["message"] is JsonObject bot) BotMessages.Enqueue(bot);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (WebSocketException)
        {
        }
    }

    [GeneratedRegex(@"Listening on (\d+)")]
    private static partial Regex ListeningOn();

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        if (_reader is not null) await _reader;
        _socket.Dispose();
        Http.Dispose();
        _process.Dispose();
    }
}
