using System.Net;
using System.Text.Json.Nodes;
using JourneyBot.Programs;
using JourneyBot.Tests.Cards;
using JourneyBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyBot.Tests.Programs;

// Programs and touchpoints through the real endpoint with real JWTs and Azurite.
public sealed class ProgramChatTests(BotFixture fixture) : IClassFixture<BotFixture>
{
    private ProgramStore Store => fixture.Bot.Services.GetRequiredService<ProgramStore>();

    private static JsonObject ValidForm(string programId, string formId, string department = "d1") => new()
    {
        ["programId"] = programId, ["formId"] = formId, ["v"] = "1",
        ["stage"] = "s2", ["department"] = department, ["channel"] = "email",
        ["customerAction"] = "Reads the renewal notice and looks for the new price",
        ["personas"] = "p1,p2", ["emotion"] = "-1", ["painPoints"] = "Price is not in the email", ["evidence"] = "supportTickets",
        ["verbatim"] = "**Why** is the price hidden?", ["deliveredBy"] = "Renewals desk", ["systemOrProcess"] = "Billing system",
    };

    private static JsonObject CardOf(JsonNode? invokeBody) => invokeBody!["value"]!.AsObject();

    private static string AllText(JsonObject card) => CardJson.Text(card);

    private async Task<int> TouchpointCountAsync(ProgramInChat p) =>
        (await Store.LoadAsync(p.Program.TenantId, p.Program.Id, CancellationToken.None))!.Touchpoints.Count;

    [Fact]
    public async Task ProgramsListsWhatTheCallerBelongsTo()
    {
        var p = await ProgramInChat.CreateAsync(fixture);

        await fixture.SendAsync(p.Contacts[0].Message("programs"));

        var reply = Assert.Single(fixture.Channel.CallsFor(p.Contacts[0].ConversationId));
        var text = AllText(reply.Body!.AsObject());
        Assert.Contains(p.Program.Charter.Name, text);
        Assert.Contains("contributor", text);
    }

    [Fact]
    public async Task AContributorAddsATouchpointAndIsAskedWhatElseTheCustomerMeets()
    {
        var p = await ProgramInChat.CreateAsync(fixture);
        var chat = p.Contacts[0];

        await fixture.SendAsync(chat.Message("add touchpoint"));
        var form = Assert.Single(fixture.Channel.CallsFor(chat.ConversationId)).Body!["attachments"]![0]!["content"]!.AsObject();
        var save = form["actions"]![0]!;
        Assert.Equal("touchpoint.save", save["verb"]!.GetValue<string>());
        var formId = save["data"]!["formId"]!.GetValue<string>();

        var response = await fixture.SendAsync(chat.CardAction("touchpoint.save", ValidForm(p.Program.Id, formId)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var saved = CardOf(await BotApp.ReadJsonAsync(response));
        Assert.Equal("Touchpoint saved", saved["body"]![0]!["text"]!.GetValue<string>());
        Assert.Contains("What else does the customer hear or see from us during", AllText(saved));
        Assert.Empty(CardRules.Check(saved));
        var program = (await Store.LoadAsync(p.Program.TenantId, p.Program.Id, CancellationToken.None))!;
        var touchpoint = Assert.Single(program.Touchpoints);
        Assert.Equal(("s2", "d1", -1), (touchpoint.StageId, touchpoint.DepartmentId, touchpoint.Emotion));
        Assert.Equal("**Why** is the price hidden?", touchpoint.Verbatim);
        Assert.Equal(chat.UserAadObjectId, touchpoint.CreatedBy.AadObjectId);
    }

    [Fact]
    public async Task BadInputComesBackWithClearMessagesAndTheTypedValuesAndNothingIsWritten()
    {
        var p = await ProgramInChat.CreateAsync(fixture);
        var form = ValidForm(p.Program.Id, Guid.NewGuid().ToString("N"));
        form["emotion"] = "7";
        form["stage"] = "nowhere";
        form["customerAction"] = new string('x', 1024 * 1024);
        form["verbatim"] = "<at>Everyone</at> ![img](https://evil.example.com/x.png)";
        form["sourceLink"] = "javascript:alert(1)";

        var response = await fixture.SendAsync(p.Contacts[0].CardAction("touchpoint.save", form));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var card = CardOf(await BotApp.ReadJsonAsync(response));
        var text = AllText(card);
        Assert.Contains("Nothing was saved yet", text);
        Assert.Contains("from -2 (very negative) to +2", text);
        Assert.Contains("Pick one of this program", text);
        Assert.Contains("the limit is 1,000", text);
        Assert.Contains("must start with https://", text);
        var inputs = card["body"]!.AsArray().Where(e => e!["id"] is not null).ToDictionary(e => e!["id"]!.GetValue<string>(), e => e!["value"]?.GetValue<string>());
        Assert.Equal(1000, inputs["customerAction"]!.Length);
        Assert.Equal("<at>Everyone</at> ![img](https://evil.example.com/x.png)", inputs["verbatim"]);
        Assert.Equal("7", inputs["emotion"]);
        Assert.Empty(CardRules.Check(card));
        Assert.Equal(0, await TouchpointCountAsync(p));
    }

    [Fact]
    public async Task WrongTypedFieldsAreRefusedNotCrashed()
    {
        var p = await ProgramInChat.CreateAsync(fixture);
        var form = ValidForm(p.Program.Id, Guid.NewGuid().ToString("N"));
        form["emotion"] = 2;
        form["personas"] = new JsonArray("p1");

        var response = await fixture.SendAsync(p.Contacts[0].CardAction("touchpoint.save", form));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("This must be text", AllText(CardOf(await BotApp.ReadJsonAsync(response))));
        Assert.Equal(0, await TouchpointCountAsync(p));
    }

    [Fact]
    public async Task SponsorsAndStrangersAndOtherTenantsAreRefusedAndNothingIsWritten()
    {
        var p = await ProgramInChat.CreateAsync(fixture);
        var stranger = new Activities(fixture.Channel.ServiceUrl, fixture.AppId) { TenantId = p.Program.TenantId };
        var otherTenant = new Activities(fixture.Channel.ServiceUrl, fixture.AppId) { UserAadObjectId = p.Contacts[0].UserAadObjectId };

        var answers = new Dictionary<string, string>();
        foreach (var (chat, expected) in new[] { (p.Sponsor, "Only owners and department contributors"), (stranger, "does not exist, or you are not part of it"), (otherTenant, "does not exist, or you are not part of it") })
        {
            var response = await fixture.SendAsync(chat.CardAction("touchpoint.save", ValidForm(p.Program.Id, Guid.NewGuid().ToString("N"))));
            var text = AllText(CardOf(await BotApp.ReadJsonAsync(response)));
            Assert.Contains("That can't be done from here", text);
            Assert.Contains(expected, text);
            Assert.DoesNotContain(p.Program.Charter.Name, text);
            answers[chat == stranger ? "stranger" : chat == otherTenant ? "other tenant" : "sponsor"] = text;
        }
        // Not found reads the same whether the program exists in this tenant, another one, or nowhere.
        Assert.Equal(answers["stranger"], answers["other tenant"]);
        Assert.Equal(0, await TouchpointCountAsync(p));
    }

    [Fact]
    public async Task ContributorsAddOnlyForTheirOwnDepartmentOwnersForAny()
    {
        var p = await ProgramInChat.CreateAsync(fixture);

        var refused = await fixture.SendAsync(p.Contacts[0].CardAction("touchpoint.save", ValidForm(p.Program.Id, Guid.NewGuid().ToString("N"), department: "d2")));
        var accepted = await fixture.SendAsync(p.Owner.CardAction("touchpoint.save", ValidForm(p.Program.Id, Guid.NewGuid().ToString("N"), department: "d2")));

        Assert.Contains("your own department (Department 1)", AllText(CardOf(await BotApp.ReadJsonAsync(refused))));
        Assert.Contains("Touchpoint saved", AllText(CardOf(await BotApp.ReadJsonAsync(accepted))));
        Assert.Equal(1, await TouchpointCountAsync(p));
    }

    [Fact]
    public async Task ADoubleClickedSaveCreatesOneTouchpoint()
    {
        var p = await ProgramInChat.CreateAsync(fixture);
        var form = ValidForm(p.Program.Id, Guid.NewGuid().ToString("N"));

        var responses = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => fixture.SendAsync(p.Contacts[0].CardAction("touchpoint.save", (JsonObject)form.DeepClone()))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(1, await TouchpointCountAsync(p));
    }

    [Fact]
    public async Task AStaleFormVersionGetsAFreshFormAndWritesNothing()
    {
        var p = await ProgramInChat.CreateAsync(fixture);
        var form = ValidForm(p.Program.Id, Guid.NewGuid().ToString("N"));
        form["v"] = "0";

        var response = await fixture.SendAsync(p.Contacts[0].CardAction("touchpoint.save", form));

        var card = CardOf(await BotApp.ReadJsonAsync(response));
        Assert.Contains("out of date", AllText(card));
        Assert.Contains("Reads the renewal notice", AllText(card));
        Assert.Equal(0, await TouchpointCountAsync(p));
    }

    [Fact]
    public async Task ThreeDepartmentsAdding50EachAtOnceLeaveExactCoverageAndHealth()
    {
        var p = await ProgramInChat.CreateAsync(fixture);

        await Task.WhenAll(p.Contacts.Select(async (chat, d) =>
        {
            for (var i = 0; i < 50; i++)
            {
                var form = ValidForm(p.Program.Id, Guid.NewGuid().ToString("N"), department: $"d{d + 1}");
                form["stage"] = $"s{i % 4 + 1}";
                var response = await fixture.SendAsync(chat.CardAction("touchpoint.save", form));
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }
        }));

        var program = (await Store.LoadAsync(p.Program.TenantId, p.Program.Id, CancellationToken.None))!;
        var counts = await Store.LoadCountsAsync(p.Program.TenantId, p.Program.Id, CancellationToken.None);
        Assert.Equal(150, program.Touchpoints.Count);
        Assert.Equal(150, counts.Total);
        for (var d = 1; d <= 3; d++)
        {
            for (var s = 1; s <= 4; s++)
            {
                var expected = Enumerable.Range(0, 50).Count(i => i % 4 + 1 == s);
                Assert.Equal(expected, program.Touchpoints.Count(t => t.DepartmentId == $"d{d}" && t.StageId == $"s{s}"));
                Assert.Equal(expected, counts.Cells[($"s{s}", $"d{d}")]);
            }
        }

        await fixture.SendAsync(p.Owner.Message("map"));
        await fixture.SendAsync(p.Owner.Message("health"));
        var cards = fixture.Channel.CallsFor(p.Owner.ConversationId).Select(c => c.Body!["attachments"]![0]!["content"]!.AsObject()).ToList();
        Assert.Equal(2, cards.Count);
        Assert.Contains("150 active touchpoints from 3 people", AllText(cards[0]));
        Assert.Contains("Departments contribute: 3 of 3 departments contributed; the largest wrote 33%", AllText(cards[1]));
        Assert.All(cards, c => Assert.Empty(CardRules.Check(c)));
    }

    [Fact]
    public async Task UseSwitchesTheConversationsProgram()
    {
        var p = await ProgramInChat.CreateAsync(fixture);

        await fixture.SendAsync(p.Owner.Message($"use {p.Program.Charter.Name.ToUpperInvariant()}"));
        await fixture.SendAsync(p.Owner.Message("use no such program"));

        var replies = fixture.Channel.CallsFor(p.Owner.ConversationId);
        Assert.Contains("now works on", AllText(replies[0].Body!.AsObject()));
        Assert.Contains("None of your programs", replies[1].Body!["text"]!.GetValue<string>());
    }
}
