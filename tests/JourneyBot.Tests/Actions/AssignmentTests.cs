using System.Text.Json.Nodes;
using JourneyBot.Tests.Infrastructure;
using static JourneyBot.Tests.FollowUps.FollowUpWorld;

namespace JourneyBot.Tests.Actions;

// A person given an action is told, with the pain point and the due date, and can accept it or hand it back.
public sealed class AssignmentTests(BotFixture fixture) : IClassFixture<BotFixture>
{
    private static bool IsAssignment(JsonObject card) => CardJson.Text(card).Contains("An improvement action for you") || CardJson.Text(card).Contains("came back to you");

    private static async Task<JsonObject> GiveSalesAnActionAsync(JourneyBot.Tests.FollowUps.FollowUpWorld world)
    {
        var form = await world.ClickAsync(Owner, "action.new", new JsonObject { ["programId"] = world.Program.Id, ["touchpointId"] = "t1" });
        var data = form["actions"]![0]!["data"]!.DeepClone().AsObject();
        data["title"] = "Show the new price in the notice";
        data["owner"] = Sales.AadObjectId;
        data["dueOn"] = "2026-12-15";
        return await world.ClickAsync(Owner, "action.save", data);
    }

    [Fact]
    public async Task TheOwnerOfANewActionGetsACardWithThePainPointAndTheDueDateAndCanAcceptIt()
    {
        await using var world = await StartAsync(fixture);

        var saved = CardJson.Text(await GiveSalesAnActionAsync(world));
        await world.TickAsync();

        Assert.Contains("Sally Sales gets a card with it", saved);
        var card = Assert.Single(world.CardsTo(Sales), IsAssignment);
        var text = CardJson.Text(card);
        // Named as Teams names the person who clicked Save.
        Assert.Contains("Ada Lovelace gave you this action", text);
        Assert.Contains("Show the new price in the notice", text);
        Assert.Contains("Price is a surprise", text);
        Assert.Contains("15 Dec 2026", text);

        var accepted = CardJson.Text(await world.ClickAsync(Sales, "action.accept", CardJson.ActionData(card, "action.accept")));

        Assert.Contains("Accepted: Show the new price in the notice", accepted);
        var action = Assert.Single((await world.LoadAsync())!.Actions);
        Assert.NotNull(action.AcceptedOn);
        Assert.Equal(Owner.AadObjectId, action.AssignedBy!.AadObjectId);
    }

    [Fact]
    public async Task HandingItBackGivesItToWhoeverGaveItAndTellsThem()
    {
        await using var world = await StartAsync(fixture);
        await GiveSalesAnActionAsync(world);
        await world.TickAsync();
        var card = world.CardsTo(Sales).Single(IsAssignment);

        var answer = CardJson.Text(await world.ClickAsync(Sales, "action.handBack", CardJson.ActionData(card, "action.handBack")));
        await world.TickAsync();

        Assert.Contains("Ada Lovelace owns it again", answer);
        var action = Assert.Single((await world.LoadAsync())!.Actions);
        Assert.Equal(Owner.AadObjectId, action.Owner.AadObjectId);
        var back = CardJson.Text(Assert.Single(world.CardsTo(Owner), IsAssignment));
        Assert.Contains("handed it back", back);
        // The old card can no longer accept what is not theirs any more.
        var stale = CardJson.Text(await world.ClickAsync(Sales, "action.accept", CardJson.ActionData(card, "action.accept")));
        Assert.Contains("not yours", stale);
        Assert.Null((await world.LoadAsync())!.Actions.Single().AcceptedOn);
    }

    [Fact]
    public async Task NobodyButTheActionsOwnerAnswersItsCard()
    {
        await using var world = await StartAsync(fixture);
        await GiveSalesAnActionAsync(world);
        await world.TickAsync();
        var data = CardJson.ActionData(world.CardsTo(Sales).Single(IsAssignment), "action.handBack");

        var support = CardJson.Text(await world.ClickAsync(Support, "action.handBack", data.DeepClone().AsObject()));
        var sponsor = CardJson.Text(await world.ClickAsync(Sponsor, "action.accept", data.DeepClone().AsObject()));

        Assert.Contains("not yours", support);
        Assert.Contains("not yours", sponsor);
        var action = Assert.Single((await world.LoadAsync())!.Actions);
        Assert.Equal(Sales.AadObjectId, action.Owner.AadObjectId);
        Assert.Null(action.AcceptedOn);
    }

    [Fact]
    public async Task AnActionSomeoneGivesThemselvesSendsNoCard()
    {
        await using var world = await StartAsync(fixture);
        var form = await world.ClickAsync(Sales, "action.new", new JsonObject { ["programId"] = world.Program.Id, ["touchpointId"] = "t1" });
        var data = form["actions"]![0]!["data"]!.DeepClone().AsObject();
        data["title"] = "Call back within a day";
        data["owner"] = Sales.AadObjectId;
        data["dueOn"] = "2026-12-15";

        var saved = CardJson.Text(await world.ClickAsync(Sales, "action.save", data));
        await world.TickAsync();

        Assert.DoesNotContain("gets a card", saved);
        Assert.DoesNotContain(world.CardsTo(Sales), IsAssignment);
    }
}
