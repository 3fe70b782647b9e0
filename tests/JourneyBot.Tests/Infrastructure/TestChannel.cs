using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace JourneyBot.Tests.Infrastructure;

public sealed record ConnectorCall(string Method, string Path, JsonNode? Body, string? Authorization, DateTimeOffset At);

// Stands in for the Bot Framework channel on loopback: serves OpenID metadata with test signing keys, mints
// channel tokens, and records what the bot sends to its connector (with scriptable failures).
public sealed class TestChannel : IAsyncDisposable
{
    public const string Issuer = "https://api.botframework.com";
    public const string EndorsedKeyId = "test-key-msteams";
    public const string UnendorsedKeyId = "test-key-webchat";

    private readonly WebApplication _app;
    private readonly RsaSecurityKey _endorsedKey = NewKey(EndorsedKeyId);
    private readonly RsaSecurityKey _unendorsedKey = NewKey(UnendorsedKeyId);
    private readonly ConcurrentQueue<(int Status, string? RetryAfter)> _failures = new();
    private int _metadataHits;
    private int _activityCounter;

    public ConcurrentQueue<ConnectorCall> Calls { get; } = new();
    // Activities the connector accepted (2xx), by conversation and tenant: what people actually received.
    public ConcurrentQueue<(string ConversationId, string? TenantId, JsonNode? Body, DateTimeOffset At)> Delivered { get; } = new();
    // Decides, by the number of the activity post (1, 2, …), whether it fails and how.
    public Func<int, (int Status, string? RetryAfter)?>? Chaos { get; set; }
    // When set, activity posts beyond Teams' published limits are answered 429 with Retry-After.
    public TeamsLimits? Limits { get; set; }
    // How long Teams takes to answer a message it has taken (ordinary: about 200 ms): the window in which a
    // sender that dies has sent a message it never hears was taken.
    public TimeSpan RoundTrip { get; set; }
    // Messages taken and not yet answered, across every sender.
    public int InFlight => Volatile.Read(ref _inFlight);
    private int _inFlight;
    public int Throttled => _throttled;
    private int _activityPosts;
    private int _throttled;
    // Members for whom creating a 1:1 chat fails as it does when the app is not installed for them.
    public ConcurrentDictionary<string, bool> UnreachableMembers { get; } = new();
    // People the conversation's member lookup does not know (picked from the whole organisation).
    public ConcurrentDictionary<string, bool> NotMembers { get; } = new();
    // Members Teams can name, by AAD object id: answered by member lookups and the paged member list. A lookup for
    // anyone else is answered 404, as Teams answers for someone outside the conversation.
    public ConcurrentDictionary<string, string> MemberNames { get; } = new();
    // Members of particular conversations (conversation id, then AAD object id and name): a member lookup in one of
    // these answers only its own members and 404 for anyone else, as Teams does for someone outside that chat.
    public ConcurrentDictionary<string, ConcurrentDictionary<string, string>> ConversationMembers { get; } = new();
    // The most members the paged list returns at once, whatever the bot asks for (Teams may return fewer).
    public int MemberPageLimit { get; set; } = 500;
    public string BaseUrl { get; }
    public string ServiceUrl => BaseUrl + "/";
    public string MetadataUrl => BaseUrl + "/v1/.well-known/openidconfiguration";
    public int MetadataHits => _metadataHits;

    private TestChannel(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public static async Task<TestChannel> StartAsync()
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        var channel = new TestChannel(app, $"http://127.0.0.1:{port}");
        channel.MapRoutes();
        await app.StartAsync();
        return channel;
    }

    // The next connector calls answer these statuses (in order) before calls succeed again.
    public void FailNext(int status, string? retryAfter = null) => _failures.Enqueue((status, retryAfter));

    // What the bot sent to the conversation (its look-ups of members left out).
    public IReadOnlyList<ConnectorCall> CallsFor(string conversationId) =>
        Calls.Where(c => c.Method != "GET" && c.Path.Contains("/v3/conversations/" + conversationId + "/", StringComparison.Ordinal)).ToList();

    public string MintToken(string audience, string? serviceUrl = null, string issuer = Issuer, string keyId = EndorsedKeyId,
        DateTime? notBefore = null, DateTime? expires = null, RsaSecurityKey? signWith = null)
    {
        var key = signWith ?? (keyId == UnendorsedKeyId ? _unendorsedKey : keyId == EndorsedKeyId ? _endorsedKey : NewKey(keyId));
        var signingKey = new RsaSecurityKey(key.Rsa) { KeyId = keyId };
        var now = DateTime.UtcNow;
        var nbf = notBefore ?? now.AddMinutes(-1);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = nbf,
            NotBefore = nbf,
            Expires = expires ?? now.AddHours(1),
            Claims = new Dictionary<string, object> { ["serviceurl"] = serviceUrl ?? ServiceUrl, ["appid"] = "channel" },
            SigningCredentials = new SigningCredentials(signingKey, SecurityAlgorithms.RsaSha256),
        });
    }

    // A key the channel never published, used to forge signatures.
    public static RsaSecurityKey ForgedKey() => NewKey("forged");

    private static RsaSecurityKey NewKey(string keyId) => new(RSA.Create(2048)) { KeyId = keyId };

    private void MapRoutes()
    {
        _app.MapGet("/v1/.well-known/openidconfiguration", () =>
        {
            Interlocked.Increment(ref _metadataHits);
            return Results.Json(new { issuer = Issuer, jwks_uri = BaseUrl + "/v1/keys", id_token_signing_alg_values_supported = new[] { "RS256" } });
        });
        _app.MapGet("/v1/keys", () => Results.Json(new { keys = new[] { Jwk(_endorsedKey, "msteams"), Jwk(_unendorsedKey, "webchat") } }));
        _app.MapMethods("/v3/{**path}", ["GET", "POST", "PUT", "DELETE"], async (HttpContext http) =>
        {
            JsonNode? body = null;
            if (http.Request.ContentLength is > 0 || http.Request.Headers.TransferEncoding.Count > 0)
            {
                body = await JsonNode.ParseAsync(http.Request.Body);
            }
            Calls.Enqueue(new ConnectorCall(http.Request.Method, http.Request.Path + http.Request.QueryString, body, http.Request.Headers.Authorization.FirstOrDefault(), DateTimeOffset.UtcNow));
            if (http.Request.Path == "/v3/conversations" && body?["members"]?[0]?["id"]?.GetValue<string>() is { } member && UnreachableMembers.ContainsKey(member))
            {
                return Results.StatusCode(403);
            }
            if (ConversationMember(http.Request) is { } scoped)
            {
                return scoped.Name is null ? Results.StatusCode(404)
                    : Results.Json(new { id = "29:" + scoped.Id, name = scoped.Name, aadObjectId = scoped.Id });
            }
            // A member lookup for someone outside the conversation: Teams answers 404.
            if (http.Request.Method == "GET" && http.Request.Path.Value!.Contains("/members/", StringComparison.Ordinal)
                && NotMembers.ContainsKey(http.Request.Path.Value[(http.Request.Path.Value.LastIndexOf('/') + 1)..]))
            {
                return Results.StatusCode(404);
            }
            if (http.Request.Method == "GET" && http.Request.Path.Value!.EndsWith("/pagedmembers", StringComparison.Ordinal))
            {
                var size = Math.Min(MemberPageLimit, int.TryParse(http.Request.Query["pageSize"], out var asked) ? asked : 200);
                var from = int.TryParse(http.Request.Query["continuationToken"], out var offset) ? offset : 0;
                var all = MemberNames.OrderBy(m => m.Key, StringComparer.Ordinal).ToList();
                var page = all.Skip(from).Take(size).Select(m => new { id = "29:" + m.Key, name = m.Value, aadObjectId = m.Key }).ToList();
                return Results.Json(new { continuationToken = from + size < all.Count ? (from + size).ToString() : null, members = page });
            }
            if (http.Request.Method == "GET" && http.Request.Path.Value!.Contains("/members/", StringComparison.Ordinal)
                && MemberNames.TryGetValue(Uri.UnescapeDataString(http.Request.Path.Value[(http.Request.Path.Value.LastIndexOf('/') + 1)..]), out var memberName))
            {
                var memberId = Uri.UnescapeDataString(http.Request.Path.Value[(http.Request.Path.Value.LastIndexOf('/') + 1)..]);
                return Results.Json(new { id = "29:" + memberId, name = memberName, aadObjectId = memberId });
            }
            if (_failures.TryDequeue(out var failure))
            {
                if (failure.RetryAfter is not null) http.Response.Headers.RetryAfter = failure.RetryAfter;
                return Results.StatusCode(failure.Status);
            }
            var isActivityPost = http.Request.Method == "POST" && http.Request.Path.Value!.EndsWith("/activities", StringComparison.Ordinal);
            var conversation = body?["conversation"]?["id"]?.GetValue<string>() ?? "";
            var tenant = body?["conversation"]?["tenantId"]?.GetValue<string>();
            if (isActivityPost)
            {
                if (Chaos?.Invoke(Interlocked.Increment(ref _activityPosts)) is { } chaos)
                {
                    if (chaos.RetryAfter is not null) http.Response.Headers.RetryAfter = chaos.RetryAfter;
                    return Results.StatusCode(chaos.Status);
                }
                if (Limits is { } limits && !limits.TryTake(tenant ?? "", conversation))
                {
                    Interlocked.Increment(ref _throttled);
                    http.Response.Headers.RetryAfter = "1";
                    return Results.StatusCode(429);
                }
                Delivered.Enqueue((conversation, tenant, body, DateTimeOffset.UtcNow));
                Interlocked.Increment(ref _inFlight);
                try
                {
                    if (RoundTrip > TimeSpan.Zero) await Task.Delay(RoundTrip);
                }
                finally
                {
                    Interlocked.Decrement(ref _inFlight);
                }
            }
            var id = http.Request.Path == "/v3/conversations"
                ? $"a:created-{body?["members"]?[0]?["id"]}"
                : $"reply-{Interlocked.Increment(ref _activityCounter)}";
            if (http.Request.Method == "GET") return Results.StatusCode(404);
            return Results.Json(new { id }, statusCode: http.Request.Method == "POST" ? 201 : 200);
        });
    }

    // A member lookup in a conversation with members of its own: who was asked for, and their name if a member.
    private (string Id, string? Name)? ConversationMember(HttpRequest request)
    {
        const string Conversations = "/v3/conversations/";
        var path = request.Path.Value ?? "";
        var members = path.IndexOf("/members/", StringComparison.Ordinal);
        if (request.Method != "GET" || !path.StartsWith(Conversations, StringComparison.Ordinal) || members < 0)
        {
            return null;
        }
        var conversation = Uri.UnescapeDataString(path[Conversations.Length..members]);
        if (!ConversationMembers.TryGetValue(conversation, out var known)) return null;
        var id = Uri.UnescapeDataString(path[(members + "/members/".Length)..]);
        return (id, known.TryGetValue(id, out var name) ? name : null);
    }

    private static object Jwk(RsaSecurityKey key, string endorsement)
    {
        var parameters = key.Rsa.ExportParameters(false);
        return new
        {
            kty = "RSA",
            use = "sig",
            kid = key.KeyId,
            n = Base64UrlEncoder.Encode(parameters.Modulus),
            e = Base64UrlEncoder.Encode(parameters.Exponent),
            endorsements = new[] { endorsement },
        };
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}

// Teams' published limits as the real service applies them: per app and tenant 50 requests per second, per
// conversation 7 per second, 8 per 2 seconds, 60 per 30 seconds and 1,800 per hour.
public sealed class TeamsLimits
{
    private readonly Dictionary<string, Queue<DateTimeOffset>> _logs = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private static readonly (TimeSpan Window, int Sends)[] PerConversation =
        [(TimeSpan.FromSeconds(1), 7), (TimeSpan.FromSeconds(2), 8), (TimeSpan.FromSeconds(30), 60), (TimeSpan.FromHours(1), 1800)];

    public int TenantPerSecond { get; init; } = 50;

    public bool TryTake(string tenant, string conversation)
    {
        var now = DateTimeOffset.UtcNow;
        lock (_lock)
        {
            var tenantLog = Log("t|" + tenant, now, TimeSpan.FromSeconds(1));
            var conversationLog = Log("c|" + conversation, now, TimeSpan.FromHours(1));
            if (tenantLog.Count >= TenantPerSecond) return false;
            foreach (var (window, sends) in PerConversation)
            {
                if (conversationLog.Count(t => t > now - window) >= sends) return false;
            }
            tenantLog.Enqueue(now);
            conversationLog.Enqueue(now);
            return true;
        }
    }

    private Queue<DateTimeOffset> Log(string key, DateTimeOffset now, TimeSpan keep)
    {
        if (!_logs.TryGetValue(key, out var log)) _logs[key] = log = new Queue<DateTimeOffset>();
        while (log.Count > 0 && log.Peek() <= now - keep) log.Dequeue();
        return log;
    }
}
