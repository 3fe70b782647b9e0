using System.Net;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using JourneyBot.Conversations;
using JourneyBot.Tests.Infrastructure;

namespace JourneyBot.Tests.Conversations;

public sealed class InstallAndHelpTests(BotFixture fixture) : IClassFixture<BotFixture>
{
    private TableClient ConversationsTable => new TableServiceClient(fixture.Azurite.ConnectionString).GetTableClient("Conversations");

    private static string CardTitle(ConnectorCall call) =>
        call.Body!["attachments"]![0]!["content"]!["body"]![0]!["text"]!.GetValue<string>();

    [Fact]
    public async Task InstallSendsOneWelcomeAndStoresTheReference()
    {
        var chat = fixture.NewConversation();

        // Teams announces one install twice: installationUpdate and conversationUpdate.
        Assert.Equal(HttpStatusCode.OK, (await fixture.SendAsync(chat.Installation("add"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fixture.SendAsync(chat.BotAdded())).StatusCode);

        var calls = fixture.Channel.CallsFor(chat.ConversationId);
        var welcome = Assert.Single(calls);
        Assert.Equal("POST", welcome.Method);
        Assert.EndsWith($"/v3/conversations/{chat.ConversationId}/activities", welcome.Path);
        Assert.Equal("Welcome to JourneyBot", CardTitle(welcome));
        Assert.Equal(chat.UserId, welcome.Body!["recipient"]!["id"]!.GetValue<string>());

        var row = (await ConversationsTable.GetEntityAsync<ConversationRow>(
            ConversationStore.PartitionFor(chat.TenantId), ConversationStore.ConversationRowKey(chat.ConversationId))).Value;
        Assert.True(row.Active);
        Assert.Equal(fixture.Channel.ServiceUrl, row.ServiceUrl);
        Assert.Equal("28:" + fixture.AppId, row.BotId);
        var user = (await ConversationsTable.GetEntityAsync<ConversationRow>(
            ConversationStore.PartitionFor(chat.TenantId), ConversationStore.UserRowKey(chat.UserAadObjectId))).Value;
        Assert.Equal(chat.ConversationId, user.ConversationId);
    }

    [Fact]
    public async Task UninstallMarksTheReferenceInactiveAndAReinstallWelcomesAgain()
    {
        var chat = fixture.NewConversation();
        await fixture.SendAsync(chat.Installation("add"));

        Assert.Equal(HttpStatusCode.OK, (await fixture.SendAsync(chat.Installation("remove"))).StatusCode);

        var row = (await ConversationsTable.GetEntityAsync<ConversationRow>(
            ConversationStore.PartitionFor(chat.TenantId), ConversationStore.ConversationRowKey(chat.ConversationId))).Value;
        Assert.False(row.Active);
        Assert.NotNull(row.UninstalledAt);

        await fixture.SendAsync(chat.Installation("add"));
        Assert.Equal(2, fixture.Channel.CallsFor(chat.ConversationId).Count);
    }

    [Fact]
    public async Task RedeliveredInstallDoesItsWorkOnce()
    {
        var chat = fixture.NewConversation();
        var activity = chat.BotAdded(id: "f:" + Guid.NewGuid().ToString("N"));
        await fixture.SendAsync(activity);

        // Redelivered after an uninstall: replaying the old activity must not reinstall or welcome again.
        await fixture.SendAsync(chat.Installation("remove"));
        Assert.Equal(HttpStatusCode.OK, (await fixture.SendAsync(activity)).StatusCode);

        Assert.Single(fixture.Channel.CallsFor(chat.ConversationId));
        var row = (await ConversationsTable.GetEntityAsync<ConversationRow>(
            ConversationStore.PartitionFor(chat.TenantId), ConversationStore.ConversationRowKey(chat.ConversationId))).Value;
        Assert.False(row.Active);
    }

    [Fact]
    public async Task ConcurrentInstallEventsStillWelcomeOnce()
    {
        var chat = fixture.NewConversation();

        await Task.WhenAll(fixture.SendAsync(chat.Installation("add")), fixture.SendAsync(chat.BotAdded()), fixture.SendAsync(chat.BotAdded()));

        Assert.Single(fixture.Channel.CallsFor(chat.ConversationId));
    }

    [Fact]
    public async Task HelpAnswersWithTheHelpCardAsAThreadedReply()
    {
        var chat = fixture.NewConversation();
        var message = chat.Message("  Help ");

        Assert.Equal(HttpStatusCode.OK, (await fixture.SendAsync(message)).StatusCode);

        var reply = Assert.Single(fixture.Channel.CallsFor(chat.ConversationId));
        Assert.EndsWith($"/activities/{message["id"]}", reply.Path);
        Assert.Equal("What JourneyBot can do", CardTitle(reply));
        var sections = reply.Body!["attachments"]![0]!["content"]!["body"]!.AsArray().Where(e => e!["type"]!.GetValue<string>() == "Container").ToList();
        // In the order a program lives, then the rest, where help itself is.
        Assert.Equal(["Step 1: set up a program", "Step 2: collect touchpoints", "Step 3: look at the map", "Step 4: review it regularly", "Step 5: act on pain points", "Anytime"],
            sections.Select(c => c!["items"]![0]!["text"]!.GetValue<string>()));
        Assert.Contains(sections[^1]!["items"]![1]!["facts"]!.AsArray(), f => f!["title"]!.GetValue<string>() == "help");
        var setUp = sections[0]!["items"]!.AsArray().Single(i => i!["type"]!.GetValue<string>() == "ActionSet")!["actions"]!.AsArray().Select(a => a!["data"]!["command"]!.GetValue<string>());
        Assert.Equal(["new program", "open collection", "program"], setUp.Order());
        // The message action is no command: help says where Teams shows it.
        Assert.Contains("**More actions** → **Add as touchpoint**", sections[1]!.ToJsonString(
            new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }

    [Fact]
    public async Task AHelpButtonDoesWhatTypingTheCommandDoesAndOffersNoButtonForCommandsThatNeedMore()
    {
        var chat = fixture.NewConversation();
        await fixture.SendAsync(chat.Message("help"));
        var help = fixture.Channel.CallsFor(chat.ConversationId)[^1].Body!["attachments"]![0]!["content"]!.AsObject();
        var commands = CardJson.Text(help);
        Assert.DoesNotContain("\"command\":\"use\"", commands);
        Assert.DoesNotContain("\"command\":\"help\"", commands);

        var response = await fixture.SendAsync(chat.CardAction("help.run", new System.Text.Json.Nodes.JsonObject { ["command"] = "programs" }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("What JourneyBot can do", (await BotApp.ReadJsonAsync(response))!["value"]!["body"]![0]!["text"]!.GetValue<string>());
        Assert.Equal("Your programs", CardTitle(fixture.Channel.CallsFor(chat.ConversationId)[^1]));

        var forged = await fixture.SendAsync(chat.CardAction("help.run", new System.Text.Json.Nodes.JsonObject { ["command"] = "use" }));
        Assert.Contains("out of date", CardJson.Text((await BotApp.ReadJsonAsync(forged))!["value"]!.AsObject()));
    }

    [Fact]
    public async Task UnknownTextGetsAFriendlyPointerToHelp()
    {
        var chat = fixture.NewConversation();

        Assert.Equal(HttpStatusCode.OK, (await fixture.SendAsync(chat.Message("what's the weather?"))).StatusCode);

        var reply = Assert.Single(fixture.Channel.CallsFor(chat.ConversationId));
        var text = reply.Body!["text"]!.GetValue<string>();
        Assert.Contains("help", text);
        Assert.DoesNotContain("error", text, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("add touch point", "add touchpoint")]
    [InlineData("my touch points", "my touchpoints")]
    [InlineData("opne collection", "open collection")]
    [InlineData("hepl", "help")]
    [InlineData("new programme for renewals", "new program")]
    [InlineData("what's the weather?", null)]
    [InlineData("delete everything", null)]
    public async Task UnknownTextSuggestsTheNearestCommandWhenThereIsOne(string typed, string? meant)
    {
        var chat = fixture.NewConversation();

        await fixture.SendAsync(chat.Message(typed));

        var text = Assert.Single(fixture.Channel.CallsFor(chat.ConversationId)).Body!["text"]!.GetValue<string>();
        if (meant is null) Assert.DoesNotContain("Did you mean", text);
        else Assert.Contains($"Did you mean **{meant}**?", text);
        Assert.Contains("**help**", text);
    }

    [Theory]
    [InlineData("channel")]
    [InlineData("groupChat")]
    public async Task InSharedConversationsTheBotAnswersOnlyWhenMentioned(string conversationType)
    {
        var chat = fixture.NewConversation(conversationType);

        await fixture.SendAsync(chat.Message("help"));
        Assert.Empty(fixture.Channel.CallsFor(chat.ConversationId));

        await fixture.SendAsync(chat.MessageMentioningBot("help"));
        var reply = Assert.Single(fixture.Channel.CallsFor(chat.ConversationId));
        // The mention was stripped before parsing, so this was understood as `help`.
        Assert.Equal("What JourneyBot can do", CardTitle(reply));
    }

    [Fact]
    public async Task HelpButtonAnswersTheInvokeWithTheHelpCard()
    {
        var chat = fixture.NewConversation();

        var response = await fixture.SendAsync(chat.CardAction("help"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await BotApp.ReadJsonAsync(response);
        Assert.Equal(200, body!["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.card.adaptive", body["type"]!.GetValue<string>());
        Assert.Equal("What JourneyBot can do", body["value"]!["body"]![0]!["text"]!.GetValue<string>());
        // Universal Actions answer in the HTTP response, not through the connector.
        Assert.Empty(fixture.Channel.CallsFor(chat.ConversationId));
    }

    [Fact]
    public async Task UnknownVerbGetsACardThatSaysSoAndChangesNothing()
    {
        var chat = fixture.NewConversation();

        var response = await fixture.SendAsync(chat.CardAction("drop tables", new JsonObject { ["x"] = "y" }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await BotApp.ReadJsonAsync(response);
        Assert.Equal("That button is not available any more", body!["value"]!["body"]![0]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task InvokeWithoutAnActionIsABadRequestInvokeResponse()
    {
        var chat = fixture.NewConversation();
        var invoke = chat.CardAction("help");
        invoke["value"] = new JsonObject();

        var response = await fixture.SendAsync(invoke);

        var body = await BotApp.ReadJsonAsync(response);
        Assert.Equal(400, body!["statusCode"]!.GetValue<int>());
    }
}
