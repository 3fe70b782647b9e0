using System.Text.Json.Nodes;
using JourneyBot.Domain;
using JourneyBot.Tests.Infrastructure;
using static JourneyBot.Tests.FollowUps.FollowUpWorld;

namespace JourneyBot.Tests.Actions;

// Improvement actions through /api/messages: from a pain point to an owned, dated action, followed up.
public class ActionTests(BotFixture fixture) : IClassFixture<BotFixture>
{
    private static JsonObject Form(JsonObject card, params (string Key, string Value)[] typed)
    {
        var data = card["actions"]![0]!["data"]!.DeepClone().AsObject();
        foreach (var (key, value) in typed) data[key] = value;
        return data;
    }

    [Fact]
    public async Task AContributorTurnsAPainPointIntoAnActionOnceEvenWhenSaveIsClickedTwice()
    {
        await using var world = await StartAsync(fixture);
        var form = await world.ClickAsync(Sales, "action.new", new JsonObject { ["programId"] = world.Program.Id, ["touchpointId"] = "t1" });
        Assert.Contains("Price is a surprise", CardJson.Text(form));
        Assert.Contains("Renewal rate", CardJson.Text(form));

        var data = Form(form, ("title", "Show the new price in the notice"), ("owner", Sales.AadObjectId), ("dueOn", "2026-12-15"), ("metricId", "m1"));
        var saved = await world.ClickAsync(Sales, "action.save", data);
        Assert.Contains("Improvement action saved", CardJson.Text(saved));
        await world.ClickAsync(Sales, "action.save", data.DeepClone().AsObject());

        var action = Assert.Single((await world.LoadAsync())!.Actions);
        Assert.Equal(("Show the new price in the notice", "t1", "m1", new DateOnly(2026, 12, 15)), (action.Title, action.TouchpointId, action.MetricId, action.DueOn));
        Assert.Equal(Sales, action.Owner);
    }

    [Fact]
    public async Task ASavedActionFormSentAgainWithOtherTextSaysSoAndKeepsTheNewText()
    {
        await using var world = await StartAsync(fixture);
        var form = await world.ClickAsync(Sales, "action.new", new JsonObject { ["programId"] = world.Program.Id, ["touchpointId"] = "t1" });
        var data = Form(form, ("title", "Show the new price in the notice"), ("owner", Sales.AadObjectId), ("dueOn", "2026-12-15"));
        await world.ClickAsync(Sales, "action.save", data.DeepClone().AsObject());

        data["title"] = "Call customers before the price changes";
        var again = await world.ClickAsync(Sales, "action.save", data.DeepClone().AsObject());

        var text = CardJson.Text(again);
        Assert.Contains("saved before", text);
        Assert.Contains("Call customers before the price changes", text);
        Assert.Equal("Show the new price in the notice", Assert.Single((await world.LoadAsync())!.Actions).Title);
        // Saving the form it came back on adds the second action: neither text is lost.
        await world.ClickAsync(Sales, "action.save", CardJson.SubmitData(again));
        Assert.Equal(2, (await world.LoadAsync())!.Actions.Count);
    }

    [Fact]
    public async Task AnActionFormWhoseTouchpointIsGoneSavesWithoutIt()
    {
        await using var world = await StartAsync(fixture);
        var form = await world.ClickAsync(Sales, "action.new", new JsonObject { ["programId"] = world.Program.Id, ["touchpointId"] = "t1" });
        var data = Form(form, ("title", "Show the new price"), ("owner", Sales.AadObjectId), ("dueOn", "2026-12-15"));
        data["touchpointId"] = new string('t', 1024 * 1024);

        var refused = await world.ClickAsync(Sales, "action.save", data);
        Assert.Contains("no longer exists", CardJson.Text(refused));
        Assert.Contains("Show the new price", CardJson.Text(refused));
        Assert.Empty((await world.LoadAsync())!.Actions);

        await world.ClickAsync(Sales, "action.save", CardJson.SubmitData(refused));
        var saved = Assert.Single((await world.LoadAsync())!.Actions);
        Assert.Null(saved.TouchpointId);
    }

    [Fact]
    public async Task BadInputComesBackWithTheValuesKeptAndNothingSaved()
    {
        await using var world = await StartAsync(fixture);
        var form = await world.ClickAsync(Owner, "action.new", new JsonObject { ["programId"] = world.Program.Id });
        var data = Form(form, ("title", new string('x', 5000)), ("owner", "a,b"), ("dueOn", "2020-01-01"), ("metricId", "m9"));
        var card = CardJson.Text(await world.ClickAsync(Owner, "action.save", data));
        Assert.Contains("the limit is 120", card);
        Assert.Contains("Pick one person", card);
        Assert.Contains("in the past", card);
        Assert.Contains("Pick one of this program's metrics", card);
        Assert.Contains(new string('x', 120), card);
        Assert.Empty((await world.LoadAsync())!.Actions);

        var wrongType = Form(form, ("title", "t"), ("owner", Owner.AadObjectId), ("dueOn", "2026-12-31"));
        wrongType["title"] = 42;
        Assert.Contains("This must be text", CardJson.Text(await world.ClickAsync(Owner, "action.save", wrongType)));
        Assert.Empty((await world.LoadAsync())!.Actions);
    }

    [Fact]
    public async Task SponsorsCannotCreateActionsAndOnlyTheActionOwnerOrAProgramOwnerChangesItsStatus()
    {
        var action = new ImprovementAction { Id = "a1", Title = "Show the new price", Owner = Sales, DueOn = StartDay.AddDays(-2) };
        await using var world = await StartAsync(fixture, Sample(actions: [action]));
        Assert.Contains("sponsors follow them", CardJson.Text(await world.ClickAsync(Sponsor, "action.new", new JsonObject { ["programId"] = world.Program.Id })));
        var forged = new JsonObject { ["programId"] = world.Program.Id, ["formId"] = Guid.NewGuid().ToString("N"), ["title"] = "x", ["owner"] = Sponsor.AadObjectId, ["dueOn"] = "2026-12-31" };
        Assert.Contains("sponsors follow them", CardJson.Text(await world.ClickAsync(Sponsor, "action.save", forged)));

        var done = new JsonObject { ["programId"] = world.Program.Id, ["actionId"] = "a1", ["status"] = "done" };
        Assert.Contains("Only the action's owner", CardJson.Text(await world.ClickAsync(Support, "action.status", done.DeepClone().AsObject())));
        Assert.Equal(ActionStatus.Open, (await world.LoadAsync())!.Actions.Single().Status);

        var list = CardJson.Text(await world.ClickAsync(Sales, "action.status", done));
        Assert.Contains("0 open, 1 done, 0 overdue", list);
        Assert.Equal(ActionStatus.Done, (await world.LoadAsync())!.Actions.Single().Status);
        Assert.Contains("not a status", CardJson.Text(await world.ClickAsync(Owner, "action.status", new JsonObject { ["programId"] = world.Program.Id, ["actionId"] = "a1", ["status"] = "7" })));
    }

    [Fact]
    public async Task TheActionsCommandListsOverdueFirst()
    {
        var actions = new[]
        {
            new ImprovementAction { Id = "a1", Title = "Later one", Owner = Sales, DueOn = StartDay.AddDays(20) },
            new ImprovementAction { Id = "a2", Title = "Late one", Owner = Sales, DueOn = StartDay.AddDays(-2) },
        };
        await using var world = await StartAsync(fixture, Sample(actions: actions));
        var response = await world.Bot.PostActivityAsync(world.As(Owner).Message("actions"), fixture.Token());
        response.EnsureSuccessStatusCode();
        var card = CardJson.Text(fixture.Channel.CallsFor(world.ChatOf(Owner)).Last().Body!["attachments"]![0]!["content"]!.AsObject());
        Assert.Contains("2 open, 0 done, 1 overdue", card);
        Assert.True(card.IndexOf("Late one", StringComparison.Ordinal) < card.IndexOf("Later one", StringComparison.Ordinal));
        Assert.Contains("OVERDUE", card);
    }
}
