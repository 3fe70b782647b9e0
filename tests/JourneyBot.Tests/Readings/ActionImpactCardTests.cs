using System.Text.Json.Nodes;
using JourneyBot.Domain;
using JourneyBot.Tests.Infrastructure;
using static JourneyBot.Tests.FollowUps.FollowUpWorld;

namespace JourneyBot.Tests.Readings;

// An action judged by what its metric did, on the actions card through /api/messages: marking it in progress and
// done keeps those days, and the figures around them say how far it moved.
public class ActionImpactCardTests(BotFixture fixture) : IClassFixture<BotFixture>
{
    private static MetricReading Reading(int daysFromStart, decimal value) =>
        new() { MetricId = "m1", Value = value, On = StartDay.AddDays(daysFromStart), RecordedBy = Owner };

    private static ImprovementAction Done(string id, string title, int startedDaysAgo, int doneDaysAgo) => new()
    {
        Id = id, Title = title, Owner = Sales, DueOn = StartDay.AddDays(10), MetricId = "m1", Status = ActionStatus.Done,
        StartedOn = StartDay.AddDays(-startedDaysAgo), DoneOn = StartDay.AddDays(-doneDaysAgo),
    };

    [Fact]
    public async Task StartAndDoneDaysAreKeptWhenTheStatusChanges()
    {
        var action = new ImprovementAction { Id = "a1", Title = "Show the new price", Owner = Sales, DueOn = StartDay.AddDays(9), MetricId = "m1" };
        await using var world = await StartAsync(fixture, Sample(actions: [action]));
        var data = new JsonObject { ["programId"] = world.Program.Id, ["actionId"] = "a1", ["status"] = "inProgress" };
        await world.ClickAsync(Sales, "action.status", data.DeepClone().AsObject());
        Assert.Equal((StartDay, (DateOnly?)null), Dates((await world.LoadAsync())!));

        world.Clock.Advance(TimeSpan.FromDays(3));
        data["status"] = "done";
        var list = CardJson.Text(await world.ClickAsync(Sales, "action.status", data));
        Assert.Equal((StartDay, (DateOnly?)StartDay.AddDays(3)), Dates((await world.LoadAsync())!));
        Assert.Contains("Renewal rate: not judged yet — no reading since done", list);

        static (DateOnly?, DateOnly?) Dates(JourneyProgram p) => (p.Actions[0].StartedOn, p.Actions[0].DoneOn);
    }

    [Theory]
    // No figure at all.
    [InlineData("", "not judged yet — no reading since done")]
    // Figures only from before work started.
    [InlineData("-30:0.80,-25:0.81", "not judged yet — no reading since done")]
    // A figure on the done day still shows the state before the change.
    [InlineData("-30:0.80,-10:0.86", "not judged yet — no reading since done")]
    // One before, one the day after done.
    [InlineData("-30:0.80,-9:0.86", "+0.06 points since done (towards the target), 1 reading")]
    // No figure from before work started, two after.
    [InlineData("-9:0.86,-2:0.88", "not judged yet — no reading from before work started")]
    // Before, then two after that did not move.
    [InlineData("-21:0.80,-9:0.80,-2:0.80", "no change since done, 2 readings")]
    public async Task TheActionsCardShowsImpactAtEachEdge(string figures, string expected)
    {
        var readings = figures.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(f => f.Split(':')).Select(p => Reading(int.Parse(p[0]), decimal.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture))).ToList();
        var program = Sample(actions: [Done("a1", "Show the new price", startedDaysAgo: 20, doneDaysAgo: 10)]) with { Readings = readings };
        await using var world = await StartAsync(fixture, program);

        var list = CardJson.Text(await world.ClickAsync(Owner, "actions.list", new JsonObject { ["programId"] = world.Program.Id }));

        Assert.True(list.Contains($"Renewal rate: {expected}", StringComparison.Ordinal), list);
    }

    [Fact]
    public async Task DoneActionsAreRankedByHowFarTheyMovedTheirMetric()
    {
        var program = Sample(actions: [
            Done("a1", "Moved second", startedDaysAgo: 20, doneDaysAgo: 19),
            Done("a2", "Moved most", startedDaysAgo: 10, doneDaysAgo: 9),
            Done("a3", "Not judged", startedDaysAgo: 2, doneDaysAgo: 1),
            Done("a4", "Moved third", startedDaysAgo: 15, doneDaysAgo: 14),
        ]) with { Readings = [Reading(-21, 0.80m), Reading(-16, 0.81m), Reading(-11, 0.79m), Reading(-5, 0.85m)] };
        await using var world = await StartAsync(fixture, program);

        var list = CardJson.Text(await world.ClickAsync(Owner, "actions.list", new JsonObject { ["programId"] = world.Program.Id }));

        var order = new[] { "Moved most", "Moved second", "Moved third", "Not judged" }.Select(t => list.IndexOf(t, StringComparison.Ordinal)).ToList();
        Assert.All(order, i => Assert.True(i >= 0));
        Assert.Equal(order.Order(), order);
    }
}
