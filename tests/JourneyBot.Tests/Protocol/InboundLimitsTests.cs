using System.Net;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using JourneyBot.Conversations;
using JourneyBot.Tests.Infrastructure;

namespace JourneyBot.Tests.Protocol;

// Correctly signed activities that no channel sends: refused at the edge with a 400 before any work, or read
// calmly; never a 500.
public sealed class InboundLimitsTests(BotFixture fixture) : IClassFixture<BotFixture>
{
    private TableClient ConversationsTable => new TableServiceClient(fixture.Azurite.ConnectionString).GetTableClient("Conversations");

    private async Task<bool> ConversationStoredAsync(Activities chat) =>
        (await ConversationsTable.GetEntityIfExistsAsync<TableEntity>(ConversationStore.PartitionFor(chat.TenantId), ConversationStore.ConversationRowKey(chat.ConversationId))).HasValue;

    [Fact]
    public async Task TwoTenantsInOneActivityAreRefused()
    {
        var chat = fixture.NewConversation();
        var activity = chat.Installation("add");
        activity["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = Guid.NewGuid().ToString() } };

        var response = await fixture.SendAsync(activity);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("different tenants", (await BotApp.ReadJsonAsync(response))!["error"]!.GetValue<string>());
        Assert.Empty(fixture.Channel.CallsFor(chat.ConversationId));
        Assert.False(await ConversationStoredAsync(chat));
    }

    [Fact]
    public async Task OnlyTheTeamsChannelIsServedEvenWithAKeyEndorsedForAnother()
    {
        var chat = fixture.NewConversation();
        var activity = chat.Installation("add");
        activity["channelId"] = "webchat";

        // The key speaks for webchat, and the activity says webchat: a valid channel, but not this bot's.
        var response = await fixture.Bot.PostActivityAsync(activity, fixture.Channel.MintToken(fixture.AppId, keyId: TestChannel.UnendorsedKeyId));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(await ConversationStoredAsync(chat));
    }

    public static TheoryData<string, string> KeyMaterial => new()
    {
        { "conversation.id", new string('c', 5000) },
        { "conversation.id", "a:\u0001control" },
        { "id", new string('i', 2000) },
        { "from.id", new string('f', 3000) },
        { "from.aadObjectId", new string('a', 500) },
        { "from.aadObjectId", "../../other" },
        { "conversation.tenantId", new string('t', 500) },
        { "recipient.id", "28:\u00e9l\u00e8ve" },
    };

    [Theory]
    [MemberData(nameof(KeyMaterial))]
    public async Task IdsStorageCannotKeyOnAreA400(string field, string value)
    {
        var chat = fixture.NewConversation();
        var activity = chat.Message("help");
        var path = field.Split('.');
        var target = path.Length == 1 ? activity : activity[path[0]]!.AsObject();
        target[path[^1]] = value;
        if (field == "conversation.tenantId") activity["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = value } };

        var response = await fixture.SendAsync(activity);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(fixture.Channel.CallsFor(chat.ConversationId));
    }

    public static TheoryData<string> ForeignServiceUrls => new()
    {
        "https://evil.example.com/",
        "ftp://127.0.0.1/",
        "https://smba.trafficmanager.net.evil.example/amer/",
        "http://" + new string('a', 2000) + ".example/",
        "https://user:pass@127.0.0.1/",
    };

    [Theory]
    [MemberData(nameof(ForeignServiceUrls))]
    public async Task AServiceUrlOffTheAcceptedHostsIsRefusedBeforeAnyWork(string serviceUrl)
    {
        var chat = new Activities(serviceUrl, fixture.AppId);
        // The token vouches for the URL, as a channel would: the host list is what refuses it.
        var response = await fixture.Bot.PostActivityAsync(chat.Installation("add"), fixture.Channel.MintToken(fixture.AppId, serviceUrl));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(await ConversationStoredAsync(chat));
    }

    [Fact]
    public async Task NullsInListsAreNoMembersAndNoEntities()
    {
        var chat = fixture.NewConversation();
        var added = chat.BotAdded();
        added["membersAdded"] = new JsonArray(null, new JsonObject { ["id"] = chat.BotId });
        var message = chat.Message("help");
        message["entities"] = new JsonArray(null, new JsonObject { ["type"] = "clientInfo", ["timezone"] = "Europe/London" });

        Assert.Equal(HttpStatusCode.OK, (await fixture.SendAsync(added)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fixture.SendAsync(message)).StatusCode);
        Assert.Equal(2, fixture.Channel.CallsFor(chat.ConversationId).Count);
    }

    [Fact]
    public async Task HalfASurrogatePairIsReadAsAReplacementCharacter()
    {
        var chat = fixture.NewConversation();
        var body = chat.Message("new program Renewal X").ToJsonString()
            .Replace("Renewal X", "Renewal \\ud800").Replace("\"Ada Lovelace\"", "\"Ada \\ud800 Lovelace \\udc00\"");
        var invoke = chat.CardAction("touchpoint.save", new JsonObject { ["programId"] = "p1" }).ToJsonString().Replace("\"p1\"", "\"p\\udbff\"");

        Assert.Equal(HttpStatusCode.OK, (await fixture.Bot.PostRawAsync(body, fixture.Token())).StatusCode);
        var reply = Assert.Single(fixture.Channel.CallsFor(chat.ConversationId)).Body!.ToJsonString();
        Assert.Contains("Renewal \\uFFFD", reply);
        var answer = await fixture.Bot.PostRawAsync(invoke, fixture.Token());
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal(200, (await BotApp.ReadJsonAsync(answer))!["statusCode"]!.GetValue<int>());
    }

    [Fact]
    public async Task AnActionTypeThatIsNotTextIsABadRequestAndUnknownInvokesStayNotImplemented()
    {
        var chat = fixture.NewConversation();
        var action = chat.CardAction("help");
        action["value"]!["action"]!["type"] = 42;
        var unknown = chat.CardAction("help");
        unknown["name"] = "composeExtension/query";

        var bad = await BotApp.ReadJsonAsync(await fixture.SendAsync(action));
        var notImplemented = await fixture.SendAsync(unknown);

        Assert.Equal(400, bad!["statusCode"]!.GetValue<int>());
        Assert.Contains("Action.Execute", bad["value"]!["message"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotImplemented, notImplemented.StatusCode);
    }

    [Fact]
    public async Task EveryEnvelopeFieldFilledWithHostileJsonIsAnsweredBelow500()
    {
        JsonNode?[] hostile =
        [
            null, 0, -1, 1e300, true, "", " ", new string('x', 100_000), "\u0000", "<b>x</b>", new JsonArray(), new JsonArray(null, 1, "x"),
            new JsonObject(), new JsonObject { ["id"] = null }, new JsonObject { ["id"] = 42, ["aadObjectId"] = new JsonArray() },
        ];
        var kinds = new Func<Activities, JsonObject>[]
        {
            c => c.Message("help"), c => c.BotAdded(), c => c.Installation("add"), c => c.CardAction("map.page", new JsonObject { ["programId"] = "p1" }),
        };
        var fields = new[]
        {
            "type", "id", "timestamp", "channelId", "from", "conversation", "recipient", "text", "textFormat", "entities", "channelData",
            "value", "name", "action", "membersAdded", "membersRemoved", "attachments", "locale", "replyToId",
        };
        var random = new Random(7);
        foreach (var kind in kinds)
        {
            foreach (var field in fields)
            {
                foreach (var value in hostile.OrderBy(_ => random.Next()).Take(5))
                {
                    var activity = kind(fixture.NewConversation());
                    activity[field] = value?.DeepClone();
                    var response = await fixture.SendAsync(activity);
                    var shown = value?.ToJsonString() is { } json ? json[..Math.Min(json.Length, 60)] : "null";
                    // An invoke renamed to something unknown is a 501, by the Bot Framework's convention.
                    var notImplemented = field == "name" && activity["type"]?.GetValue<string>() == "invoke" && response.StatusCode == HttpStatusCode.NotImplemented;
                    Assert.True((int)response.StatusCode < 500 || notImplemented, $"{activity["type"]} with {field} = {shown}: {(int)response.StatusCode}");
                    Assert.True((await response.Content.ReadAsStringAsync()).Length < 4096, $"{field} = {shown}: the answer echoes what was sent");
                    if (response.StatusCode == HttpStatusCode.OK && (await response.Content.ReadAsStringAsync()) is { Length: > 0 } body)
                    {
                        Assert.True((JsonNode.Parse(body)?["statusCode"]?.GetValue<int>() ?? 200) < 500, $"{field} = {shown}: {body}");
                    }
                }
            }
        }
    }
}
