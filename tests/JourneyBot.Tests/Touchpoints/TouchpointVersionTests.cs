using System.Text.Json.Nodes;
using JourneyBot.Domain;
using JourneyBot.Programs;
using JourneyBot.Tests.Domain;
using JourneyBot.Tests.Infrastructure;
using JourneyBot.Touchpoints;
using Microsoft.Extensions.DependencyInjection;
using JourneyBot.Tests.Programs;

namespace JourneyBot.Tests.Touchpoints;

// Every write two people can race on needs the version the form was built from; a client never gets
// "match any version", an old button never undoes a review, and a form saved twice never loses the second text.
public sealed class TouchpointVersionTests(BotFixture fixture) : IClassFixture<BotFixture>
{
    private ProgramStore Programs => fixture.Bot.Services.GetRequiredService<ProgramStore>();
    private TouchpointStore Touchpoints => fixture.Bot.Services.GetRequiredService<TouchpointStore>();

    private async Task<ProgramInChat> WithTouchpointAsync()
    {
        var p = await ProgramInChat.CreateAsync(fixture);
        var author = p.Program.Charter.Departments[0].Contacts[0];
        await Touchpoints.AddAsync(p.Program.Id, SamplePrograms.Touchpoint(0, "s1", "d1", author) with { CustomerAction = "As first written", PersonaIds = ["p1"] }, CancellationToken.None);
        return p;
    }

    private async Task<JsonObject> ClickAsync(Activities chat, string verb, JsonObject data)
    {
        var response = await fixture.SendAsync(chat.CardAction(verb, data));
        return (await BotApp.ReadJsonAsync(response))!["value"]!.AsObject();
    }

    private async Task<Touchpoint> StoredAsync(ProgramInChat p) => (await Touchpoints.GetAsync(p.Program.Id, "t0", CancellationToken.None))!.Touchpoint;

    public static TheoryData<string?> ForgedVersions => new() { null, "", "*", "W/\"garbage\"", "not a version at all", new string('W', 5000) };

    [Theory]
    [MemberData(nameof(ForgedVersions))]
    public async Task AnUpdateWithoutTheFormsVersionSavesNothingAndKeepsTheInput(string? etag)
    {
        var p = await WithTouchpointAsync();
        var chat = p.Contacts[0];
        var form = await ClickAsync(chat, "touchpoint.edit", new JsonObject { ["programId"] = p.Program.Id, ["touchpointId"] = "t0" });
        // Someone saved meanwhile, so a "match any version" write would overwrite their text.
        var stored = (await Touchpoints.GetAsync(p.Program.Id, "t0", CancellationToken.None))!;
        await Touchpoints.UpdateAsync(p.Program.Id, stored, stored.Touchpoint with { CustomerAction = "Owner's newer text" }, "Olivia Owner", CancellationToken.None);
        var data = CardJson.SubmitData(form);
        data["customerAction"] = "My late edit";
        if (etag is null) data.Remove("etag");
        else data["etag"] = etag;

        var answer = CardJson.Text(await ClickAsync(chat, "touchpoint.update", data));

        Assert.Contains("nothing was saved", answer);
        Assert.Contains("My late edit", answer);
        Assert.Contains("Owner's newer text", answer);
        Assert.Equal("Owner's newer text", (await StoredAsync(p)).CustomerAction);
    }

    [Theory]
    [MemberData(nameof(ForgedVersions))]
    public async Task ADeleteWithoutTheConfirmedVersionDeletesNothing(string? etag)
    {
        var p = await WithTouchpointAsync();
        var data = new JsonObject { ["programId"] = p.Program.Id, ["touchpointId"] = "t0" };
        if (etag is not null) data["etag"] = etag;

        var answer = CardJson.Text(await ClickAsync(p.Contacts[0], "touchpoint.delete", data));

        Assert.Contains("Delete", answer);
        Assert.NotNull(await Touchpoints.GetAsync(p.Program.Id, "t0", CancellationToken.None));
    }

    [Fact]
    public async Task AnEditButtonFromBeforeAReviewRetiredTheTouchpointCannotBringItBack()
    {
        var p = await WithTouchpointAsync();
        var chat = p.Contacts[0];
        var ids = new JsonObject { ["programId"] = p.Program.Id, ["touchpointId"] = "t0" };
        var form = await ClickAsync(chat, "touchpoint.edit", (JsonObject)ids.DeepClone());
        var review = await ClickAsync(p.Owner, "review.retire", await JourneyBot.Tests.Reviews.ReviewPresses.DecisionAsync(fixture.Bot.Services, p.Program.Id, "t0"));
        Assert.True((await StoredAsync(p)).Retired, CardJson.Text(review));

        var reopened = CardJson.Text(await ClickAsync(chat, "touchpoint.edit", (JsonObject)ids.DeepClone()));
        var saved = CardJson.Text(await ClickAsync(chat, "touchpoint.update", CardJson.SubmitData(form)));

        Assert.Contains("retired", reopened);
        Assert.Contains("retired", saved);
        Assert.True((await StoredAsync(p)).Retired);
        var counts = await Programs.LoadCountsAsync(p.Program.TenantId, p.Program.Id, CancellationToken.None);
        Assert.Equal(0, counts.Total);
    }

    [Fact]
    public async Task ASavedFormSentAgainWithOtherTextSaysSoAndKeepsBoth()
    {
        var p = await ProgramInChat.CreateAsync(fixture);
        var chat = p.Contacts[0];
        var formId = Guid.NewGuid().ToString("N");
        JsonObject Form(string text) => new()
        {
            ["programId"] = p.Program.Id, ["formId"] = formId, ["v"] = "1", ["stage"] = "s1", ["department"] = "d1", ["channel"] = "email",
            ["customerAction"] = text, ["personas"] = "p1",
        };

        var first = CardJson.Text(await ClickAsync(chat, "touchpoint.save", Form("The first text")));
        var again = CardJson.Text(await ClickAsync(chat, "touchpoint.save", Form("The first text")));
        var changed = await ClickAsync(chat, "touchpoint.save", Form("A second, different text"));

        Assert.Contains("Touchpoint saved", first);
        Assert.Contains("Touchpoint saved", again);
        var text = CardJson.Text(changed);
        Assert.Contains("saved before", text);
        Assert.Contains("A second, different text", text);
        Assert.Contains("The first text", text);
        var program = (await Programs.LoadAsync(p.Program.TenantId, p.Program.Id, CancellationToken.None))!;
        Assert.Equal("The first text", Assert.Single(program.Touchpoints).CustomerAction);

        // The card it answered with is an edit of what was saved: saving it applies the second text.
        Assert.Equal("touchpoint.update", changed["actions"]![0]!["verb"]!.GetValue<string>());
        var applied = CardJson.Text(await ClickAsync(chat, "touchpoint.update", CardJson.SubmitData(changed)));
        Assert.Contains("Saved.", applied);
        Assert.Equal("A second, different text", (await Touchpoints.GetAsync(p.Program.Id, formId, CancellationToken.None))!.Touchpoint.CustomerAction);
    }

    [Fact]
    public async Task SavingTheSameEditTwiceIsNoConflictWithOneself()
    {
        var p = await WithTouchpointAsync();
        var chat = p.Contacts[0];
        var form = await ClickAsync(chat, "touchpoint.edit", new JsonObject { ["programId"] = p.Program.Id, ["touchpointId"] = "t0" });
        var data = CardJson.SubmitData(form);
        data["customerAction"] = "Clarified once";

        await ClickAsync(chat, "touchpoint.update", (JsonObject)data.DeepClone());
        var second = CardJson.Text(await ClickAsync(chat, "touchpoint.update", (JsonObject)data.DeepClone()));

        Assert.Contains("Saved.", second);
        Assert.DoesNotContain("meanwhile", second);
        Assert.Equal("Clarified once", (await StoredAsync(p)).CustomerAction);
    }

    [Fact]
    public async Task EditingPainPointsKeepsTheIdsOfThoseStillThereSoActionsGoOnNamingThem()
    {
        var p = await ProgramInChat.CreateAsync(fixture);
        var author = p.Program.Charter.Departments[0].Contacts[0];
        var touchpoint = SamplePrograms.Touchpoint(0, "s1", "d1", author) with { PainPoints = "Price is a surprise; Nobody answers the phone" };
        await Touchpoints.AddAsync(p.Program.Id, touchpoint with { PainPointItems = PainPoint.Split("t0", touchpoint.PainPoints) }, CancellationToken.None);
        var chat = p.Contacts[0];
        var form = await ClickAsync(chat, "touchpoint.edit", new JsonObject { ["programId"] = p.Program.Id, ["touchpointId"] = "t0" });
        var data = CardJson.SubmitData(form);
        // The first pain point is fixed and dropped; a new one is added after the one that is left.
        data["painPoints"] = "Nobody answers the phone\nThe letter uses jargon";

        Assert.Contains("Saved.", CardJson.Text(await ClickAsync(chat, "touchpoint.update", data)));

        var items = (await StoredAsync(p)).PainPointList();
        Assert.Equal([("t0-p2", "Nobody answers the phone"), ("t0-p3", "The letter uses jargon")], items.Select(i => (i.Id, i.Text)));
    }
}
