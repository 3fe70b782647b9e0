using System.Text.Json.Nodes;
using JourneyBot.Programs;
using JourneyBot.Tests.Cards;
using JourneyBot.Tests.Domain;
using JourneyBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using JourneyBot.Tests.Programs;

namespace JourneyBot.Tests.Touchpoints;

public sealed class MyTouchpointsTests(BotFixture fixture) : IClassFixture<BotFixture>
{
    private ProgramStore Store => fixture.Bot.Services.GetRequiredService<ProgramStore>();

    private async Task<JsonObject> ClickAsync(Activities chat, string verb, JsonObject data)
    {
        var card = (await BotApp.ReadJsonAsync(await fixture.SendAsync(chat.CardAction(verb, data))))!["value"]!.AsObject();
        Assert.Empty(CardRules.Check(card));
        return card;
    }

    private async Task<ProgramInChat> WithTouchpointsAsync(int count)
    {
        var p = await ProgramInChat.CreateAsync(fixture);
        var author = p.Program.Charter.Departments[0].Contacts[0];
        for (var i = 0; i < count; i++)
        {
            var touchpoint = SamplePrograms.Touchpoint(i, "s1", "d1", author) with
            {
                Id = $"t{i}", CustomerAction = $"Moment {i}", CreatedAt = DateTimeOffset.UtcNow.AddMinutes(i), PersonaIds = ["p1"],
            };
            await fixture.Bot.Services.GetRequiredService<JourneyBot.Touchpoints.TouchpointStore>().AddAsync(p.Program.Id, touchpoint, CancellationToken.None);
        }
        return p;
    }

    private static string Text(JsonObject card) => CardJson.Text(card);

    [Fact]
    public async Task OwnTouchpointsArePagedNewestFirst()
    {
        var p = await WithTouchpointsAsync(7);
        var chat = p.Contacts[0];

        await fixture.SendAsync(chat.Message("my touchpoints"));
        var first = fixture.Channel.CallsFor(chat.ConversationId)[^1].Body!["attachments"]![0]!["content"]!.AsObject();
        var second = await ClickAsync(chat, "touchpoints.mine", new JsonObject { ["programId"] = p.Program.Id, ["page"] = "1" });

        Assert.Contains("7 in all, newest first (page 1 of 2)", Text(first));
        Assert.Contains("Moment 6", Text(first));
        Assert.DoesNotContain("Moment 1", Text(first));
        Assert.Contains("Moment 0", Text(second));
        Assert.Empty(CardRules.Check(first));
    }

    [Fact]
    public async Task EditingMovesTheTouchpointAndItsCount()
    {
        var p = await WithTouchpointsAsync(1);
        var chat = p.Contacts[0];
        var ids = new JsonObject { ["programId"] = p.Program.Id, ["touchpointId"] = "t0" };

        var form = await ClickAsync(chat, "touchpoint.edit", ids);
        var data = CardJson.SubmitData(form);
        Assert.Equal("touchpoint.update", form["actions"]![0]!["verb"]!.GetValue<string>());
        data["stage"] = "s3";
        data["customerAction"] = "Moment 0, clarified";

        var list = await ClickAsync(chat, "touchpoint.update", data);

        Assert.Contains("Saved.", Text(list));
        var program = (await Store.LoadAsync(p.Program.TenantId, p.Program.Id, CancellationToken.None))!;
        Assert.Equal(("s3", "Moment 0, clarified"), (program.Touchpoints[0].StageId, program.Touchpoints[0].CustomerAction));
        var counts = await Store.LoadCountsAsync(p.Program.TenantId, p.Program.Id, CancellationToken.None);
        Assert.Equal(1, counts.Cells[("s3", "d1")]);
        Assert.False(counts.Cells.ContainsKey(("s1", "d1")));
    }

    [Fact]
    public async Task TheSecondOfTwoConcurrentEditsIsToldAndKeepsItsInput()
    {
        var p = await WithTouchpointsAsync(1);
        var ids = new JsonObject { ["programId"] = p.Program.Id, ["touchpointId"] = "t0" };
        var form = await ClickAsync(p.Contacts[0], "touchpoint.edit", ids);
        var data = CardJson.SubmitData(form);

        var mine = (JsonObject)data.DeepClone();
        mine["customerAction"] = "Edited by the author";
        var theirs = (JsonObject)data.DeepClone();
        theirs["customerAction"] = "Edited by the owner";
        await ClickAsync(p.Contacts[0], "touchpoint.update", mine);
        var conflict = await ClickAsync(p.Owner, "touchpoint.update", theirs);

        Assert.Contains("Changed by Ada Lovelace meanwhile, so nothing was saved", Text(conflict));
        Assert.Contains("Edited by the owner", Text(conflict));
        Assert.Contains("Saved meanwhile: Edited by the author", Text(conflict));
        var program = (await Store.LoadAsync(p.Program.TenantId, p.Program.Id, CancellationToken.None))!;
        Assert.Equal("Edited by the author", program.Touchpoints[0].CustomerAction);
    }

    [Fact]
    public async Task DeletingAsksFirstThenRemovesTheTouchpointAndItsCount()
    {
        var p = await WithTouchpointsAsync(2);
        var ids = new JsonObject { ["programId"] = p.Program.Id, ["touchpointId"] = "t1" };

        var confirm = await ClickAsync(p.Contacts[0], "touchpoint.delete.ask", ids);
        Assert.Equal(2, (await Store.LoadCountsAsync(p.Program.TenantId, p.Program.Id, CancellationToken.None)).Total);
        var deleted = await ClickAsync(p.Contacts[0], "touchpoint.delete", confirm["actions"]![0]!["data"]!.DeepClone().AsObject());

        Assert.Contains("Deleted.", Text(deleted));
        var program = (await Store.LoadAsync(p.Program.TenantId, p.Program.Id, CancellationToken.None))!;
        Assert.Equal(["t0"], program.Touchpoints.Select(t => t.Id));
        Assert.Equal(1, (await Store.LoadCountsAsync(p.Program.TenantId, p.Program.Id, CancellationToken.None)).Total);
    }

    [Fact]
    public async Task OthersCannotEditOrDeleteSomeoneElsesTouchpoint()
    {
        var p = await WithTouchpointsAsync(1);
        var ids = new JsonObject { ["programId"] = p.Program.Id, ["touchpointId"] = "t0", ["etag"] = "*" };

        foreach (var verb in new[] { "touchpoint.edit", "touchpoint.delete" })
        {
            Assert.Contains("You can change the touchpoints you added", Text(await ClickAsync(p.Contacts[1], verb, (JsonObject)ids.DeepClone())));
        }
        Assert.Single((await Store.LoadAsync(p.Program.TenantId, p.Program.Id, CancellationToken.None))!.Touchpoints);
    }
}
