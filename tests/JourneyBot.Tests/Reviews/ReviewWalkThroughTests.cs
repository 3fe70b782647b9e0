using System.Text.Json.Nodes;
using JourneyBot.Domain;
using JourneyBot.Programs;
using JourneyBot.Tests.Domain;
using JourneyBot.Tests.Infrastructure;
using JourneyBot.Tests.Programs;
using JourneyBot.Touchpoints;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyBot.Tests.Reviews;

// The review card through the real endpoint: one clear button per touchpoint, the rest folded away, full texts on
// request, and a retire that says what went, what it leaves, and can be undone.
public sealed class ReviewWalkThroughTests(BotFixture fixture) : IClassFixture<BotFixture>
{
    private const string LongPain = "Customers are told to call back when the new address is not yet in the system, and they often get a wrong bill for the old flat afterwards which takes weeks to fix";

    private TouchpointStore Touchpoints => fixture.Bot.Services.GetRequiredService<TouchpointStore>();

    private async Task<ProgramInChat> WithTouchpointsAsync()
    {
        var p = await ProgramInChat.CreateAsync(fixture);
        var author = p.Program.Charter.Departments[0].Contacts[0];
        await Touchpoints.AddAsync(p.Program.Id, SamplePrograms.Touchpoint(0, "s1", "d1", author) with { Emotion = -2, PainPoints = LongPain }, CancellationToken.None);
        await Touchpoints.AddAsync(p.Program.Id, SamplePrograms.Touchpoint(1, "s2", "d2", author) with { Emotion = 1 }, CancellationToken.None);
        await Touchpoints.AddAsync(p.Program.Id, SamplePrograms.Touchpoint(2, "s3", "d2", author), CancellationToken.None);
        return p;
    }

    private async Task<JsonObject> ClickAsync(Activities chat, string verb, JsonObject data)
    {
        // A copy, so one button's data can be pressed again, as a card's can.
        var response = await fixture.SendAsync(chat.CardAction(verb, data.DeepClone().AsObject()));
        return (await BotApp.ReadJsonAsync(response))!["value"]!.AsObject();
    }

    private static IEnumerable<JsonObject> TouchpointContainers(JsonObject card) =>
        card["body"]!.AsArray().OfType<JsonObject>().Where(e => e["type"]!.GetValue<string>() == "Container" && e["items"]!.AsArray().Any(i => i!["type"]!.GetValue<string>() == "ActionSet"
            && i["actions"]!.AsArray().Any(a => a!["type"]!.GetValue<string>() == "Action.ShowCard")));

    private static JsonArray VisibleButtons(JsonObject container) =>
        container["items"]!.AsArray().OfType<JsonObject>().Single(i => i["type"]!.GetValue<string>() == "ActionSet")["actions"]!.AsArray();

    [Fact]
    public async Task EachTouchpointHasOneClearButtonWithTheRestFoldedAwayAndItsEmotionShown()
    {
        var p = await WithTouchpointsAsync();

        var card = await ClickAsync(p.Owner, "review.start", new JsonObject { ["programId"] = p.Program.Id });

        var items = TouchpointContainers(card).ToList();
        Assert.Equal(3, items.Count);
        foreach (var item in items)
        {
            var visible = VisibleButtons(item);
            Assert.Equal(["Action.Execute", "Action.ShowCard"], visible.Select(a => a!["type"]!.GetValue<string>()));
            Assert.Equal("review.confirm", visible[0]!["verb"]!.GetValue<string>());
            var folded = visible[1]!["card"]!["actions"]!.AsArray().Select(a => a!["verb"]!.GetValue<string>()).ToList();
            Assert.Contains("review.retire", folded);
            Assert.Contains("touchpoint.edit", folded);
        }
        var text = CardJson.Text(card);
        Assert.Contains("Customer feels: -2 upset", text);
        Assert.Contains("Customer feels: +1 pleased", text);
        Assert.Contains("Customer feels: not recorded", text);
        Assert.DoesNotContain("Confirmed ✓", text);
        // Only the touchpoint with pain offers to plan an action for it.
        Assert.Single(items, i => CardJson.Text(i).Contains("\"action.new\""));
    }

    [Fact]
    public async Task LongPainIsCutAtAWordOnTheCardAndShownInFullWhenUnfolded()
    {
        var p = await WithTouchpointsAsync();

        var card = await ClickAsync(p.Owner, "review.start", new JsonObject { ["programId"] = p.Program.Id });

        var first = TouchpointContainers(card).First();
        var pain = first["items"]!.AsArray().Select(i => i!["text"]?.GetValue<string>()).Single(t => t is not null && t.StartsWith("Pain: ", StringComparison.Ordinal))!;
        Assert.EndsWith("…", pain);
        var shown = pain["Pain: ".Length..^1].TrimEnd();
        Assert.StartsWith(shown, LongPain);
        Assert.Equal(' ', LongPain[shown.Length]);
        Assert.Contains(LongPain, CardJson.Text(VisibleButtons(first)[1]!["card"]!.AsObject()));
    }

    [Fact]
    public async Task TextsTooLongToUnfoldOnThePageOpenOnTheirOwnCard()
    {
        var p = await ProgramInChat.CreateAsync(fixture);
        var author = p.Program.Charter.Departments[0].Contacts[0];
        var huge = string.Join(' ', Enumerable.Repeat("The bill for the old flat arrives again.", 30))[..TextLimits.LongText];
        for (var i = 0; i < 5; i++)
        {
            await Touchpoints.AddAsync(p.Program.Id, SamplePrograms.Touchpoint(i, "s1", "d1", author) with { CustomerAction = huge, PainPoints = huge, Verbatim = huge }, CancellationToken.None);
        }

        var card = await ClickAsync(p.Owner, "review.start", new JsonObject { ["programId"] = p.Program.Id });
        var details = await ClickAsync(p.Owner, "review.details", CardJson.ActionData(card, "review.details"));

        Assert.True(System.Text.Encoding.UTF8.GetByteCount(card.ToJsonString()) < 28 * 1024);
        Assert.Equal(3, CardJson.Text(details).Split(huge).Length - 1);
        Assert.Equal("0", CardJson.ActionData(details, "review.page")["page"]!.GetValue<string>());
    }

    [Fact]
    public async Task AVerifiedTouchpointSaysSoInsteadOfOfferingTheSameButtonAgain()
    {
        var p = await WithTouchpointsAsync();
        var data = await ReviewPresses.DecisionAsync(fixture.Bot.Services, p.Program.Id, "t1");

        var card = await ClickAsync(p.Owner, "review.confirm", data);

        var verified = TouchpointContainers(card).Single(i => CardJson.Text(i).Contains("renewal email 1"));
        Assert.Contains("Verified today", CardJson.Text(verified));
        Assert.Equal(["Action.ShowCard"], VisibleButtons(verified).Select(a => a!["type"]!.GetValue<string>()));
    }

    [Fact]
    public async Task RetiringTheLastTouchpointOfADepartmentSaysSoAndUndoBringsItBack()
    {
        var p = await WithTouchpointsAsync();

        var retired = await ClickAsync(p.Owner, "review.retire", await ReviewPresses.DecisionAsync(fixture.Bot.Services, p.Program.Id, "t0"));

        var text = CardJson.Text(retired);
        Assert.Contains("Retired: ", text);
        Assert.Contains("Customer reads renewal email 0", text);
        Assert.Contains("Department 1 now has no touchpoints on the map.", text);
        var stored = (await Touchpoints.GetAsync(p.Program.Id, "t0", CancellationToken.None))!.Touchpoint;
        Assert.True(stored.Retired);
        Assert.NotNull(stored.RetiredOn);

        var undone = CardJson.Text(await ClickAsync(p.Owner, "review.undoRetire", CardJson.ActionData(retired, "review.undoRetire")));

        Assert.Contains("back on the map", undone);
        var back = (await Touchpoints.GetAsync(p.Program.Id, "t0", CancellationToken.None))!.Touchpoint;
        Assert.False(back.Retired);
        Assert.Null(back.RetiredOn);
    }

    [Fact]
    public async Task RetiringOneOfSeveralSaysHowManyAreLeft()
    {
        var p = await WithTouchpointsAsync();

        var text = CardJson.Text(await ClickAsync(p.Owner, "review.retire", await ReviewPresses.DecisionAsync(fixture.Bot.Services, p.Program.Id, "t1")));

        Assert.Contains("Department 2 has 1 touchpoint left on the map.", text);
    }

    [Fact]
    public async Task AnUndoAfterSomeoneChangedTheRetiredTouchpointAppliesNothing()
    {
        var p = await WithTouchpointsAsync();
        var retired = await ClickAsync(p.Owner, "review.retire", await ReviewPresses.DecisionAsync(fixture.Bot.Services, p.Program.Id, "t0"));
        var stored = (await Touchpoints.GetAsync(p.Program.Id, "t0", CancellationToken.None))!;
        await Touchpoints.UpdateAsync(p.Program.Id, stored, stored.Touchpoint with { CustomerAction = "Changed after the retire" }, "Olivia Owner", CancellationToken.None);
        var forged = CardJson.ActionData(retired, "review.undoRetire");
        forged["etag"] = "*";

        var stale = CardJson.Text(await ClickAsync(p.Owner, "review.undoRetire", CardJson.ActionData(retired, "review.undoRetire")));
        var star = CardJson.Text(await ClickAsync(p.Owner, "review.undoRetire", forged));

        Assert.Contains("was not applied", stale);
        Assert.Contains("was not applied", star);
        Assert.True((await Touchpoints.GetAsync(p.Program.Id, "t0", CancellationToken.None))!.Touchpoint.Retired);
    }

    [Fact]
    public async Task AContactOfAnotherDepartmentCannotUndoARetire()
    {
        var p = await WithTouchpointsAsync();
        var retired = await ClickAsync(p.Owner, "review.retire", await ReviewPresses.DecisionAsync(fixture.Bot.Services, p.Program.Id, "t0"));

        await ClickAsync(p.Contacts[2], "review.undoRetire", CardJson.ActionData(retired, "review.undoRetire"));

        Assert.True((await Touchpoints.GetAsync(p.Program.Id, "t0", CancellationToken.None))!.Touchpoint.Retired);
    }

    [Fact]
    public async Task TheReviewSummaryListsWhatWasRetired()
    {
        var p = await WithTouchpointsAsync();
        await ClickAsync(p.Owner, "review.retire", await ReviewPresses.DecisionAsync(fixture.Bot.Services, p.Program.Id, "t2"));

        var summary = CardJson.Text(await ClickAsync(p.Owner, "review.complete", new JsonObject { ["programId"] = p.Program.Id }));

        Assert.Contains("Review completed", summary);
        Assert.Contains("Retired so far: 1 touchpoint", summary);
        Assert.Contains("Customer reads renewal email 2", summary);
        Assert.DoesNotContain("renewal email 1", summary);
    }

    [Fact]
    public async Task AfterAReviewOwnersCanSendTheSponsorsTheirProgressCardAtOnce()
    {
        var p = await WithTouchpointsAsync();
        await fixture.SendAsync(p.Owner.BotAdded());
        var summary = await ClickAsync(p.Owner, "review.complete", new JsonObject { ["programId"] = p.Program.Id });
        var send = CardJson.ActionData(summary, "progress.sendNow");

        var refused = CardJson.Text(await ClickAsync(p.Contacts[0], "progress.sendNow", (JsonObject)send.DeepClone()));
        var answer = CardJson.Text(await ClickAsync(p.Owner, "progress.sendNow", send));
        await fixture.RunDueWorkAsync();

        Assert.Contains("Only the program's owners send progress cards", refused);
        Assert.Contains("Progress cards are on their way to Sam Sponsor", answer);
        var card = Assert.Single(fixture.Channel.CallsFor($"a:created-{p.Sponsor.UserAadObjectId}"));
        Assert.Contains("Progress:", card.Body!.ToJsonString());

        // The review and the card each left the map as it was, for the map tab to draw and compare.
        var store = fixture.Bot.Services.GetRequiredService<JourneyBot.Map.MapSnapshotStore>();
        var kept = await store.ListAsync(p.Program.Id, CancellationToken.None);
        Assert.Equal(["p-", "r-"], kept.Select(h => h.Id[..2]).Order());
        var reviewMap = await store.LoadAsync(p.Program.Id, kept.Single(h => h.Id.StartsWith("r-", StringComparison.Ordinal)).Id, CancellationToken.None);
        Assert.Equal(3, reviewMap!.Touchpoints.Count);
        Assert.Equal(p.Program.Charter.Stages.Select(s => s.Name), reviewMap.Stages.Select(s => s.Name));
    }

    // A page opened before someone changed a touchpoint cannot confirm or retire it unseen, one at a time or the whole
    // page at once; the fresh page shows what changed, and confirming from it works. A second reviewer confirming
    // the same touchpoint is no conflict.
    [Fact]
    public async Task AConfirmOrRetireFromAPageThatMissedAnEditSavesNothingAndSaysWhoChangedIt()
    {
        var p = await WithTouchpointsAsync();
        var page = await ClickAsync(p.Owner, "review.start", new JsonObject { ["programId"] = p.Program.Id });
        var confirmOne = CardJson.ActionData(page, "review.confirm");
        var retire = CardJson.ActionData(page, "review.retire");
        var confirmAll = CardJson.ActionData(page, "review.confirmPage");
        Assert.Equal("t0", confirmOne["touchpointId"]!.GetValue<string>());

        var stored = (await Touchpoints.GetAsync(p.Program.Id, "t0", CancellationToken.None))!;
        await Touchpoints.UpdateAsync(p.Program.Id, stored, stored.Touchpoint with { CustomerAction = "Customer now calls instead" }, "Chris Contact", CancellationToken.None);

        foreach (var (verb, data) in new[] { ("review.confirm", confirmOne), ("review.retire", retire) })
        {
            var answer = CardJson.Text(await ClickAsync(p.Owner, verb, data));
            Assert.Contains("Changed by Chris Contact meanwhile, so nothing was saved", answer);
            Assert.Contains("Customer now calls instead", answer);
        }
        var all = CardJson.Text(await ClickAsync(p.Owner, "review.confirmPage", confirmAll));
        Assert.Contains("Someone changed a touchpoint on this page meanwhile", all);
        var t0 = (await Touchpoints.GetAsync(p.Program.Id, "t0", CancellationToken.None))!.Touchpoint;
        Assert.Null(t0.LastVerifiedOn);
        Assert.False(t0.Retired);
        // The others on the page were as shown, so they are confirmed.
        Assert.NotNull((await Touchpoints.GetAsync(p.Program.Id, "t1", CancellationToken.None))!.Touchpoint.LastVerifiedOn);

        // Forged or missing tags are "out of date", never "anything goes".
        foreach (var tag in new string?[] { null, "", "0000000000000000", "<b>x</b>" })
        {
            var forged = confirmOne.DeepClone().AsObject();
            if (tag is null) forged.Remove("seen"); else forged["seen"] = tag;
            Assert.Contains("nothing was saved", CardJson.Text(await ClickAsync(p.Owner, "review.confirm", forged)));
        }
        Assert.Null((await Touchpoints.GetAsync(p.Program.Id, "t0", CancellationToken.None))!.Touchpoint.LastVerifiedOn);

        // From a fresh page it works, for two reviewers in turn.
        var fresh = await ClickAsync(p.Owner, "review.start", new JsonObject { ["programId"] = p.Program.Id });
        var again = CardJson.ActionData(fresh, "review.confirm");
        await ClickAsync(p.Owner, "review.confirm", again);
        Assert.NotNull((await Touchpoints.GetAsync(p.Program.Id, "t0", CancellationToken.None))!.Touchpoint.LastVerifiedOn);
        var second = CardJson.Text(await ClickAsync(p.Contacts[0], "review.confirm", again));
        Assert.DoesNotContain("nothing was saved", second);
    }
}
