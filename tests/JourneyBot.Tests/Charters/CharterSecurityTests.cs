using System.Net;
using System.Text.Json.Nodes;
using JourneyBot.Programs;
using JourneyBot.Tests.Infrastructure;
using JourneyBot.Tests.Programs;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyBot.Tests.Charters;

// Ids a client sends never open a program the caller does not belong to, and names people typed stay text.
public sealed class CharterSecurityTests(BotFixture fixture) : IClassFixture<BotFixture>
{
    private ProgramStore Store => fixture.Bot.Services.GetRequiredService<ProgramStore>();

    private static JsonObject FirstStep(string formId) => new()
    {
        ["programId"] = "", ["step"] = "basics", ["formId"] = formId, ["v"] = "2", ["etag"] = "",
        ["name"] = "Mine now", ["journeyStart"] = "renewal notice received", ["journeyEnd"] = "licence renewed",
    };

    private async Task<string> StepVersionAsync(Activities chat)
    {
        await fixture.SendAsync(chat.Message("new program"));
        var card = fixture.Channel.CallsFor(chat.ConversationId)[^1].Body!["attachments"]![0]!["content"]!;
        return card["actions"]![0]!["data"]!["v"]!.GetValue<string>();
    }

    private async Task<string> ClickAsync(Activities chat, JsonObject data)
    {
        var response = await fixture.SendAsync(chat.CardAction("charter.save", data));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return CardJson.Text((await BotApp.ReadJsonAsync(response))!["value"]!.AsObject());
    }

    [Fact]
    public async Task ACreateNamingAnotherProgramNeitherOpensNorTouchesIt()
    {
        var p = await ProgramInChat.CreateAsync(fixture);
        var before = await Store.LoadHeaderAsync(p.Program.TenantId, p.Program.Id, CancellationToken.None);
        var stranger = new Activities(fixture.Channel.ServiceUrl, fixture.AppId) { TenantId = p.Program.TenantId };
        var elsewhere = new Activities(fixture.Channel.ServiceUrl, fixture.AppId);
        var version = await StepVersionAsync(stranger);

        var sameTenant = await ClickAsync(stranger, FirstStep(p.Program.Id).Also("v", version));
        var otherTenant = await ClickAsync(elsewhere, FirstStep(p.Program.Id).Also("v", version));
        var nowhere = await ClickAsync(elsewhere, FirstStep("p" + Guid.NewGuid().ToString("N")).Also("v", version).Also("programId", "p" + Guid.NewGuid().ToString("N")));

        foreach (var text in new[] { sameTenant, otherTenant })
        {
            Assert.Contains("out of date", text);
            Assert.DoesNotContain(p.Program.Charter.Name, text);
            Assert.DoesNotContain(p.Program.Charter.Metrics[0].Name, text);
            Assert.DoesNotContain(before!.ETag.ToString(), text);
            Assert.DoesNotContain("another tenant", text);
        }
        // No oracle: an id taken in this tenant, in another, or nowhere reads alike.
        Assert.Equal(sameTenant, otherTenant);
        Assert.Contains("does not exist, or you are not part of it", nowhere);
        var after = await Store.LoadHeaderAsync(p.Program.TenantId, p.Program.Id, CancellationToken.None);
        Assert.Equal(before!.ETag, after!.ETag);
        // Nor did it become the stranger's program here.
        await fixture.SendAsync(stranger.Message("program"));
        Assert.Contains("not part of any journey-mapping program", fixture.Channel.CallsFor(stranger.ConversationId)[^1].Body!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task ADoubleClickedFirstStepStillCreatesOneProgram()
    {
        var chat = fixture.NewConversation();
        var version = await StepVersionAsync(chat);
        var formId = Guid.NewGuid().ToString("N");

        var first = await ClickAsync(chat, FirstStep(formId).Also("v", version));
        var second = await ClickAsync(chat, FirstStep(formId).Also("v", version));

        Assert.Contains("Success metrics", first);
        Assert.Contains("Success metrics", second);
        Assert.NotNull(await Store.LoadHeaderAsync(chat.TenantId, formId, CancellationToken.None));
        var mine = await fixture.Bot.Services.GetRequiredService<MembershipStore>().ProgramsOfAsync(chat.TenantId, chat.UserAadObjectId, CancellationToken.None);
        Assert.Equal(formId, Assert.Single(mine).RowKey);
    }

    [Fact]
    public async Task AMarkdownDisplayNameIsShownAsTextInAnotherOwnersConflictCard()
    {
        var chat = fixture.NewConversation();
        var rogue = new Activities(fixture.Channel.ServiceUrl, fixture.AppId) { TenantId = chat.TenantId, ConversationId = chat.ConversationId, UserAadObjectId = chat.UserAadObjectId };
        var version = await StepVersionAsync(chat);
        var created = await fixture.SendAsync(chat.CardAction("charter.save", FirstStep(Guid.NewGuid().ToString("N")).Also("v", version)));
        var card = (await BotApp.ReadJsonAsync(created))!["value"]!;
        var metricName = CardJson.InputIds(card, "metric.").First(id => id.EndsWith(".name", StringComparison.Ordinal));
        var metrics = card["actions"]![0]!["data"]!.AsObject();
        var stale = metrics.DeepClone().AsObject();

        // The same owner, signed in on another device whose client reports a name full of Markdown.
        var first = rogue.CardAction("charter.save", metrics.DeepClone().AsObject().Also(metricName, "Renewal rate"));
        first["from"]!["name"] = "[Click me](https://evil.example/phish) **urgent**";
        await fixture.SendAsync(first);
        var conflict = await ClickAsync(chat, stale.Also(metricName, "Activation rate"));

        Assert.Contains("meanwhile, so nothing was saved", conflict);
        Assert.DoesNotContain("[Click me](https://evil.example/phish)", conflict);
        Assert.Contains("\\\\[Click me\\\\]", conflict);
        Assert.DoesNotContain("**urgent**", conflict);
    }
}

internal static class JsonObjectExtensions
{
    public static JsonObject Also(this JsonObject data, string key, string value)
    {
        data[key] = value;
        return data;
    }
}
